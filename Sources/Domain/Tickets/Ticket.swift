import Foundation

/// A ticket's stored attributes. Articles, history and links are loaded separately.
public struct Ticket: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var number: String
    public var title: String
    public var queueID: Int64
    public var stateID: Int64
    public var priorityID: Int64
    public var typeID: Int64?
    public var serviceID: Int64?
    public var ownerID: Int64?
    public var responsibleID: Int64?
    public var contactID: Int64?
    public var organisationID: Int64?
    public var pendingUntil: Date?
    public var mergedIntoID: Int64?
    public var createdAt: Date
    public var changedAt: Date
    public var createdBy: Int64?
    /// Optimistic-concurrency version; the REST API sends it as the `ETag`.
    public var version: Int64
    /// Where the ticket stands against its SLA (the clocks themselves are loaded separately).
    public var sla: TicketSLASummary

    public init(
        id: Int64, number: String, title: String, queueID: Int64, stateID: Int64, priorityID: Int64,
        typeID: Int64? = nil, serviceID: Int64? = nil, ownerID: Int64? = nil, responsibleID: Int64? = nil,
        contactID: Int64? = nil, organisationID: Int64? = nil, pendingUntil: Date? = nil,
        mergedIntoID: Int64? = nil, createdAt: Date, changedAt: Date, createdBy: Int64? = nil, version: Int64 = 1,
        sla: TicketSLASummary = .none
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.queueID = queueID
        self.stateID = stateID
        self.priorityID = priorityID
        self.typeID = typeID
        self.serviceID = serviceID
        self.ownerID = ownerID
        self.responsibleID = responsibleID
        self.contactID = contactID
        self.organisationID = organisationID
        self.pendingUntil = pendingUntil
        self.mergedIntoID = mergedIntoID
        self.createdAt = createdAt
        self.changedAt = changedAt
        self.createdBy = createdBy
        self.version = version
        self.sla = sla
    }
}
