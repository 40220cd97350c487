/// A clock's condition at a given instant, as lists and badges show it.
public enum SLAClockCondition: String, Sendable, Codable, CaseIterable {
    case notStarted
    /// Running without a target (no SLA, or the SLA sets none for this clock).
    case untargeted
    /// Running, less than `warnAtPercent` of the target used.
    case ok
    /// Running, at least `warnAtPercent` of the target used.
    case warning
    /// Running, the whole target used.
    case breached
    /// Paused by a suspending state (`SLAClockStatus.isBreached` tells whether it was overdue before).
    case paused
    /// Goal reached (`SLAClockStatus.isBreached` tells whether late).
    case met
    /// Ticket closed before the goal of this clock was reached.
    case stopped
}
