/// The two moments a running clock escalates.
public enum SLAThreshold: String, Sendable, Codable, CaseIterable {
    /// `warnAtPercent` of the target is used.
    case warning
    /// The whole target is used: the clock is breached.
    case breach
}
