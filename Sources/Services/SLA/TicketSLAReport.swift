import Domain
import Foundation

/// A ticket's SLA clocks with their explanations: which SLA and calendar apply, and for each clock the
/// working-time segments, pauses and holidays behind its due time (`GET /tickets/{id}/sla`).
public struct TicketSLAReport: Sendable, Encodable {
    public var ticketId: Int64
    public var slaId: Int64?
    public var sla: String?
    public var calendar: String
    public var timeZoneId: String
    public var status: TicketSLAStatus?
    public var escalationAt: Date?
    /// The instant the report describes.
    public var at: Date
    /// First response, update and solution.
    public var clocks: [SLAClockExplanation]
}
