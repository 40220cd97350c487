/// How the portal behaves: which states mean solved, confirmed and reopened, where links point, who sends its mail,
/// and how many citizen submissions an address or a network address may make per hour.
public struct PortalSettings: Sendable, Codable, Equatable {
    /// The state requesters see as "solved" and may confirm or reopen.
    public var solvedStateID: Int64?
    /// The state a confirmed solution moves to.
    public var confirmedStateID: Int64?
    /// The state a reopened request moves to.
    public var reopenedStateID: Int64?
    /// The portal's address as requesters reach it, such as `https://service.stadt.example`; links in mail start here.
    public var publicBaseURL: String
    /// The sender of portal mail when the form's queue has no system address of its own.
    public var senderAddress: String?
    public var submissionsPerAddressPerHour: Int
    public var submissionsPerNetworkAddressPerHour: Int

    public init(
        solvedStateID: Int64? = nil, confirmedStateID: Int64? = nil, reopenedStateID: Int64? = nil,
        publicBaseURL: String = "http://127.0.0.1:8080", senderAddress: String? = nil,
        submissionsPerAddressPerHour: Int = 5, submissionsPerNetworkAddressPerHour: Int = 30
    ) {
        self.solvedStateID = solvedStateID
        self.confirmedStateID = confirmedStateID
        self.reopenedStateID = reopenedStateID
        self.publicBaseURL = publicBaseURL
        self.senderAddress = senderAddress
        self.submissionsPerAddressPerHour = submissionsPerAddressPerHour
        self.submissionsPerNetworkAddressPerHour = submissionsPerNetworkAddressPerHour
    }

    private enum CodingKeys: String, CodingKey {
        case publicBaseURL = "publicBaseUrl", senderAddress, submissionsPerAddressPerHour, submissionsPerNetworkAddressPerHour
        case solvedStateID = "solvedStateId", confirmedStateID = "confirmedStateId", reopenedStateID = "reopenedStateId"
    }

    /// Settings with the seeded states (`gelöst`, `geschlossen (erfolgreich)`, the first open state) filled in
    /// where none is set.
    public func resolved(states: [TicketState]) -> PortalSettings {
        var settings = self
        settings.solvedStateID = solvedStateID ?? states.first { $0.type == .closed && ($0.nameEN == "solved" || $0.name == "gelöst") }?.id
        settings.confirmedStateID = confirmedStateID
            ?? states.first { $0.type == .closed && ($0.nameEN == "closed (successful)" || $0.name == "geschlossen (erfolgreich)") }?.id
        settings.reopenedStateID = reopenedStateID ?? states.first { $0.type == .open && $0.isActive }?.id
        return settings
    }

    /// Everything wrong with the settings, given the known states.
    public func validate(states: [TicketState]) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for (field, id, closed) in [("solvedStateId", solvedStateID, true), ("confirmedStateId", confirmedStateID, true), ("reopenedStateId", reopenedStateID, false)] {
            guard let id else { continue }
            let state = states.first { $0.id == id }
            if state.map({ $0.type.isClosed != closed || $0.type == .merged || $0.type == .removed }) ?? true {
                issues.append(FieldIssue(field: field, .invalidChoice, detail: closed ? "Name a closed state." : "Name a state that is not closed."))
            }
        }
        let lowered = publicBaseURL.lowercased()
        if !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) || publicBaseURL.count > 500 || publicBaseURL.contains(where: \.isWhitespace) {
            issues.append(FieldIssue(field: "publicBaseUrl", .invalidFormat, detail: "An http or https address such as https://service.stadt.example."))
        }
        for (field, limit) in [("submissionsPerAddressPerHour", submissionsPerAddressPerHour), ("submissionsPerNetworkAddressPerHour", submissionsPerNetworkAddressPerHour)]
        where !(1...10_000).contains(limit) {
            issues.append(FieldIssue(field: field, .outOfRange(min: "1", max: "10000")))
        }
        return issues
    }
}
