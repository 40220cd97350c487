/// What a ticket's clocks need to know of the SLA in force: its id, targets, warning share and phone-ticket
/// rule. Stored with the clocks, so a clock can be evaluated without loading the SLA.
public struct SLATerms: Sendable, Hashable, Codable {
    /// The SLA these terms come from; nil for a ticket without SLA.
    public var slaID: Int64?
    public var targets: SLATargets
    public var warnAtPercent: Int
    public var phoneTickets: PhoneTicketFirstResponse

    public init(
        slaID: Int64?, targets: SLATargets, warnAtPercent: Int = 80, phoneTickets: PhoneTicketFirstResponse = .metAtCreation
    ) {
        self.slaID = slaID
        self.targets = targets
        self.warnAtPercent = warnAtPercent
        self.phoneTickets = phoneTickets
    }

    /// The terms of `policy`.
    public init(_ policy: SLAPolicy) {
        self.init(
            slaID: policy.id, targets: policy.targets, warnAtPercent: policy.warnAtPercent, phoneTickets: policy.phoneTickets
        )
    }

    /// No SLA: the clocks count working time but have no due time and never escalate.
    public static let none = SLATerms(slaID: nil, targets: .none)

    /// Target of `kind` in working seconds (absurd unvalidated targets are capped, never overflow).
    func targetSeconds(_ kind: SLAClockKind) -> Int? {
        targets[kind].map { min($0, 1 << 40) * 60 }
    }

    /// Working seconds after which `kind` warns: `warnAtPercent` of the target, rounded up to a whole second.
    func warningSeconds(_ kind: SLAClockKind) -> Int? {
        let percent = min(max(warnAtPercent, 1), 100)
        return targetSeconds(kind).map { ($0 * percent + 99) / 100 }
    }
}
