import Foundation

/// A postmaster filter: when every condition matches an inbound mail, its actions apply (DESIGN.md, "Follow-up
/// detection": set queue, priority, type and fields of the new ticket, or drop the mail into the ignore list).
/// Filters run in `position` order; a later match overrides what an earlier one set.
public struct MailFilter: Sendable, Equatable, Identifiable, Codable {
    public var id: Int64
    public var name: String
    public var position: Int
    public var isActive: Bool
    public var conditions: [MailFilterCondition]
    public var actions: MailFilterActions

    public init(id: Int64, name: String, position: Int, isActive: Bool = true, conditions: [MailFilterCondition], actions: MailFilterActions) {
        self.id = id
        self.name = name
        self.position = position
        self.isActive = isActive
        self.conditions = conditions
        self.actions = actions
    }
}

/// One condition: a regular expression (case-insensitive) that must find a match in a header's decoded values,
/// or with no header in the body text; `negate` turns it around. A missing header matches nothing.
public struct MailFilterCondition: Sendable, Equatable, Codable {
    /// The header field's name (`Subject`, `X-Spam-Flag`); nil for the body text.
    public var header: String?
    public var pattern: String
    public var negate: Bool?

    public init(header: String?, pattern: String, negate: Bool? = nil) {
        self.header = header
        self.pattern = pattern
        self.negate = negate
    }
}

/// What a matching filter does. Queue, priority, type and fields apply to tickets the mail opens (not to
/// follow-ups); `ignore` keeps the mail, raw, in the ignore list instead of filing it.
public struct MailFilterActions: Sendable, Equatable, Codable {
    public var queueID: Int64?
    public var priorityID: Int64?
    public var typeID: Int64?
    /// Dynamic ticket field values by field name, as text (`"V-2026"`, `"Volumen"`, `"2026-12-31"`).
    public var fields: [String: String]?
    public var ignore: Bool?

    enum CodingKeys: String, CodingKey {
        case queueID = "queueId", priorityID = "priorityId", typeID = "typeId", fields, ignore
    }

    public init(queueID: Int64? = nil, priorityID: Int64? = nil, typeID: Int64? = nil, fields: [String: String]? = nil, ignore: Bool? = nil) {
        self.queueID = queueID
        self.priorityID = priorityID
        self.typeID = typeID
        self.fields = fields
        self.ignore = ignore
    }
}
