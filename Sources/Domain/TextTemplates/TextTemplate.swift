import Foundation

/// A text snippet agents insert into replies and notes: written by administrators in German, English or
/// both, optionally offered only in one queue, with placeholders such as `{{ticket.number}}`.
public struct TextTemplate: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    /// The German text; nil when the template exists in English only.
    public var textDE: String?
    /// The English text; nil when the template exists in German only.
    public var textEN: String?
    /// The one queue the template is offered in; nil for every queue.
    public var queueID: Int64?
    public var isActive: Bool
    public var createdAt: Date
    public var changedAt: Date

    public init(
        id: Int64, name: String, textDE: String?, textEN: String?, queueID: Int64?, isActive: Bool = true,
        createdAt: Date, changedAt: Date
    ) {
        self.id = id
        self.name = name
        self.textDE = textDE
        self.textEN = textEN
        self.queueID = queueID
        self.isActive = isActive
        self.createdAt = createdAt
        self.changedAt = changedAt
    }

    /// The text in `language` (`de` or `en`), else the one the template has.
    public func text(in language: String) -> String {
        (language == "en" ? textEN ?? textDE : textDE ?? textEN) ?? ""
    }

    /// Whether agents working on a ticket of `queueID` are offered the template.
    public func isOffered(inQueue queueID: Int64) -> Bool {
        isActive && (self.queueID == nil || self.queueID == queueID)
    }
}
