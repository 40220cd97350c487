import Foundation

/// A threshold a clock has reached and that has not been escalated yet: what the SLA worker turns into one
/// notification event. `(kind, threshold, cycle)` identifies it within a ticket.
public struct SLAEscalation: Sendable, Hashable, Codable {
    public var kind: SLAClockKind
    public var threshold: SLAThreshold
    /// When the threshold was reached (always working time, or the instant an SLA change made it reached).
    public var at: Date
    /// The clock's cycle (the update clock starts a new cycle with every customer-visible exchange).
    public var cycle: Int

    public init(kind: SLAClockKind, threshold: SLAThreshold, at: Date, cycle: Int) {
        self.kind = kind
        self.threshold = threshold
        self.at = at
        self.cycle = cycle
    }
}
