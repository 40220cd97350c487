import Foundation

/// What lists, sorting, filters and the escalation worker need of a ticket's SLA clocks, without loading them:
/// kept in indexed columns next to the stored `TicketSLAClocks` and rewritten with them on every event.
public struct TicketSLASummary: Sendable, Equatable, Codable {
    /// The SLA in force; nil when none applies.
    public var slaID: Int64?
    /// The earliest due time of the open, running clocks: the ticket's escalation time in queue views.
    public var escalationAt: Date?
    /// The earliest warning time of the open, running clocks.
    public var warnAt: Date?
    /// Whether an open clock has recorded a breach (also one that is paused now).
    public var isBreached: Bool
    /// Whether an open clock with a target is paused (the ticket waits in a state that suspends SLAs).
    public var isPaused: Bool
    /// When the escalation worker must look at the ticket next (`TicketSLAClocks.nextDeadline`).
    public var nextDeadline: Date?

    public init(
        slaID: Int64? = nil, escalationAt: Date? = nil, warnAt: Date? = nil, isBreached: Bool = false,
        isPaused: Bool = false, nextDeadline: Date? = nil
    ) {
        self.slaID = slaID
        self.escalationAt = escalationAt
        self.warnAt = warnAt
        self.isBreached = isBreached
        self.isPaused = isPaused
        self.nextDeadline = nextDeadline
    }

    /// No SLA, nothing running.
    public static let none = TicketSLASummary()

    /// The summary of `clocks` as they stand after their last event.
    public init(_ clocks: TicketSLAClocks) {
        let open = clocks.all.filter { $0.isOpen && $0.targetMinutes != nil }
        self.init(
            slaID: clocks.terms.slaID,
            escalationAt: clocks.earliestDue,
            warnAt: open.compactMap(\.warnAt).min(),
            isBreached: open.contains { $0.breachedAt != nil },
            isPaused: open.contains { $0.phase == .paused },
            nextDeadline: clocks.nextDeadline
        )
    }

    /// The ticket's SLA status at `instant`; nil when no clock with a target is open (no SLA, or all met).
    public func status(at instant: Date) -> TicketSLAStatus? {
        if isBreached || escalationAt.map({ $0 <= instant }) == true { return .breached }
        if isPaused { return .paused }
        guard escalationAt != nil else { return nil }
        if let warnAt, warnAt <= instant { return .warning }
        return .ok
    }
}
