import Foundation

/// One appended change, written in the same transaction as the change itself.
///
/// Consumers (notifications, SLA, automation, webhooks, live updates) read events after a cursor.
public struct DomainEvent: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var type: String
    public var ticketID: Int64?
    public var actorID: Int64?
    /// A JSON object with the event's details.
    public var payload: String
    public var createdAt: Date

    public init(id: Int64, type: String, ticketID: Int64?, actorID: Int64?, payload: String, createdAt: Date) {
        self.id = id
        self.type = type
        self.ticketID = ticketID
        self.actorID = actorID
        self.payload = payload
        self.createdAt = createdAt
    }
}

/// The event types the core appends.
public enum EventType {
    public static let ticketCreated = "ticket.created"
    public static let ticketUpdated = "ticket.updated"
    public static let ticketMerged = "ticket.merged"
    public static let articleCreated = "article.created"
    public static let linkCreated = "link.created"
    public static let linkDeleted = "link.deleted"
    public static let watcherAdded = "watcher.added"
    public static let watcherRemoved = "watcher.removed"
    public static let timeBooked = "time.booked"
    public static let masterDataChanged = "admin.changed"
    public static let cmdbClassChanged = "cmdb.class.changed"
    public static let cmdbItemCreated = "cmdb.item.created"
    public static let cmdbItemUpdated = "cmdb.item.updated"
    public static let cmdbRelationCreated = "cmdb.relation.created"
    public static let cmdbRelationDeleted = "cmdb.relation.deleted"
    /// An SLA clock reached its warning threshold (payload: clock, cycle, at, dueAt, notify).
    public static let slaWarning = "sla.warning"
    /// An SLA clock reached its due time unmet (payload as `slaWarning`).
    public static let slaBreached = "sla.breached"
}
