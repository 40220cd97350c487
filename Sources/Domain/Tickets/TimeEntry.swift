import Foundation

/// Working time an agent booked on a ticket.
public struct TimeEntry: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var ticketID: Int64
    public var userID: Int64
    public var minutes: Int
    public var note: String?
    public var createdAt: Date

    public init(id: Int64, ticketID: Int64, userID: Int64, minutes: Int, note: String?, createdAt: Date) {
        self.id = id
        self.ticketID = ticketID
        self.userID = userID
        self.minutes = minutes
        self.note = note
        self.createdAt = createdAt
    }
}
