/// The ticket attribute a `SearchFilter` tests, named by the key before the colon.
public enum SearchField: Sendable, Hashable {
    /// `queue:`
    case queue
    /// `state:` (a state's name)
    case state
    /// `statetype:` (`open`, `closed`, … as in `StateType`)
    case stateType
    /// `priority:`
    case priority
    /// `type:`
    case type
    /// `owner:` (a login)
    case owner
    /// `responsible:` (a login)
    case responsible
    /// `customer:` (a contact's mail address or name)
    case customer
    /// `organisation:` or `org:`
    case organisation
    /// `number:`
    case number
    /// `service:`
    case service
    /// `created:` with a value like `>2026-01-01`, `<=2026-03-31` or `2026-01-01..2026-02-01`.
    case created
    /// `sla:` with `ok`, `warning`, `breached` or `paused` (`TicketSLAStatus`).
    case sla
    /// `field.NAME:`, a dynamic field by its machine name.
    case dynamic(String)

    /// The field a query key names, ignoring case; nil for any other key.
    init?(key: some StringProtocol) {
        switch key.lowercased() {
        case "queue": self = .queue
        case "state": self = .state
        case "statetype": self = .stateType
        case "priority": self = .priority
        case "type": self = .type
        case "owner": self = .owner
        case "responsible": self = .responsible
        case "customer": self = .customer
        case "organisation", "org": self = .organisation
        case "number": self = .number
        case "service": self = .service
        case "created": self = .created
        case "sla": self = .sla
        case let other:
            let prefix = "field."
            let name = String(other.dropFirst(prefix.count))
            guard other.hasPrefix(prefix), FieldDefinition.isValidName(name) else { return nil }
            self = .dynamic(name)
        }
    }
}
