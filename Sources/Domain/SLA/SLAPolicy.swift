/// A service level agreement as admins define it: targets per clock in working minutes of a calendar,
/// and the share of a target after which a warning escalates.
public struct SLAPolicy: Sendable, Codable, Equatable, Identifiable {
    /// The largest target accepted: 525,600 working minutes (a year around the clock).
    public static let maximumTargetMinutes = 525_600

    public var id: Int64
    public var name: String
    /// The calendar whose working time the clocks count; nil: the ticket queue's calendar, else the
    /// installation's default calendar (resolved by the service layer).
    public var calendarID: Int64?
    public var targets: SLATargets
    /// Warn when this share of a target (1–99 %) is used.
    public var warnAtPercent: Int
    public var phoneTickets: PhoneTicketFirstResponse
    public var comment: String?
    public var isActive: Bool

    public init(
        id: Int64, name: String, calendarID: Int64? = nil, targets: SLATargets, warnAtPercent: Int = 80,
        phoneTickets: PhoneTicketFirstResponse = .metAtCreation, comment: String? = nil, isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.calendarID = calendarID
        self.targets = targets
        self.warnAtPercent = warnAtPercent
        self.phoneTickets = phoneTickets
        self.comment = comment
        self.isActive = isActive
    }

    /// Everything wrong with the SLA, each naming its field (`name`, `targets`, `targets.firstResponseMinutes`,
    /// `targets.updateMinutes`, `targets.solutionMinutes`, `warnAtPercent`); empty if it may be stored.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if name.allSatisfy(\.isWhitespace) {
            issues.append(FieldIssue(field: "name", .required))
        }
        for kind in SLAClockKind.allCases {
            guard let minutes = targets[kind] else { continue }
            let field = "targets.\(kind.rawValue)Minutes"
            if minutes <= 0 {
                issues.append(FieldIssue(field: field, .tooSmall(min: "1")))
            } else if minutes > Self.maximumTargetMinutes {
                issues.append(FieldIssue(
                    field: field, .tooLarge(max: String(Self.maximumTargetMinutes)),
                    detail: "A target may be at most \(Self.maximumTargetMinutes) working minutes."
                ))
            }
        }
        if SLAClockKind.allCases.allSatisfy({ targets[$0] == nil }) {
            issues.append(FieldIssue(field: "targets", .required))
        }
        if !(1...99).contains(warnAtPercent) {
            issues.append(FieldIssue(field: "warnAtPercent", .outOfRange(min: "1", max: "99")))
        }
        return issues
    }
}
