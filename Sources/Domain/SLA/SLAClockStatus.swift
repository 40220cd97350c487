import Foundation

/// An SLA clock evaluated at one instant: what lists, badges and the API show.
public struct SLAClockStatus: Sendable, Hashable, Codable {
    public var kind: SLAClockKind
    public var condition: SLAClockCondition
    public var targetMinutes: Int?
    public var startedAt: Date?
    public var dueAt: Date?
    public var warnAt: Date?
    public var metAt: Date?
    public var stoppedAt: Date?
    /// When the target was used up (in the current cycle), even if the clock is paused, met or stopped since.
    public var breachedAt: Date?
    /// Working seconds used in the current cycle.
    public var consumedSeconds: Int
    /// Working seconds that passed while paused in the current cycle.
    public var pausedSeconds: Int
    /// Working seconds left before the target is used up; nil without target or once it is.
    public var remainingSeconds: Int?
    /// Working seconds used beyond the target (0 at the due instant itself); nil without target or before.
    public var overrunSeconds: Int?

    public init(
        kind: SLAClockKind, condition: SLAClockCondition, targetMinutes: Int?, startedAt: Date?, dueAt: Date?,
        warnAt: Date?, metAt: Date?, stoppedAt: Date?, breachedAt: Date?, consumedSeconds: Int, pausedSeconds: Int,
        remainingSeconds: Int?, overrunSeconds: Int?
    ) {
        self.kind = kind
        self.condition = condition
        self.targetMinutes = targetMinutes
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.warnAt = warnAt
        self.metAt = metAt
        self.stoppedAt = stoppedAt
        self.breachedAt = breachedAt
        self.consumedSeconds = consumedSeconds
        self.pausedSeconds = pausedSeconds
        self.remainingSeconds = remainingSeconds
        self.overrunSeconds = overrunSeconds
    }

    /// Whether the target has been used up in this cycle (also for met-late, paused and stopped clocks).
    public var isBreached: Bool { breachedAt != nil }

    /// Working minutes used, rounded down.
    public var consumedMinutes: Int { consumedSeconds / 60 }
    /// Paused working minutes, rounded down.
    public var pausedMinutes: Int { pausedSeconds / 60 }
    /// Working minutes left, rounded up (a clock with 20 seconds left shows 1 minute, never 0 before the breach).
    public var remainingMinutes: Int? { remainingSeconds.map { ($0 + 59) / 60 } }
    /// Working minutes overrun, rounded down.
    public var overrunMinutes: Int? { overrunSeconds.map { $0 / 60 } }
}
