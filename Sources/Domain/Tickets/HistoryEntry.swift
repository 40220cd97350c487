import Foundation

/// One recorded change: who changed which field of a ticket from what to what, and when.
public struct HistoryEntry: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var ticketID: Int64
    public var actorID: Int64?
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var createdAt: Date

    public init(id: Int64, ticketID: Int64, actorID: Int64?, field: String, oldValue: String?, newValue: String?, createdAt: Date) {
        self.id = id
        self.ticketID = ticketID
        self.actorID = actorID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.createdAt = createdAt
    }
}
