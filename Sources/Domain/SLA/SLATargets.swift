/// The time an SLA allows per clock, in working minutes of its calendar; nil means no target for that clock
/// (the clock still counts, so a later SLA with a target takes over the time already used).
public struct SLATargets: Sendable, Hashable, Codable {
    public var firstResponseMinutes: Int?
    public var updateMinutes: Int?
    public var solutionMinutes: Int?

    public init(firstResponseMinutes: Int? = nil, updateMinutes: Int? = nil, solutionMinutes: Int? = nil) {
        self.firstResponseMinutes = firstResponseMinutes
        self.updateMinutes = updateMinutes
        self.solutionMinutes = solutionMinutes
    }

    /// The target for one clock.
    public subscript(kind: SLAClockKind) -> Int? {
        get {
            switch kind {
            case .firstResponse: firstResponseMinutes
            case .update: updateMinutes
            case .solution: solutionMinutes
            }
        }
        set {
            switch kind {
            case .firstResponse: firstResponseMinutes = newValue
            case .update: updateMinutes = newValue
            case .solution: solutionMinutes = newValue
            }
        }
    }

    /// No targets at all.
    public static let none = SLATargets()
}
