/// How a ticket stands against its SLA, for lists and the dashboard: the worst of its open clocks.
///
/// `breached` wins over `paused` (a clock breached before the pause stays breached), `paused` over `warning`.
public enum TicketSLAStatus: String, Sendable, Codable, CaseIterable {
    case ok
    case warning
    case breached
    case paused
}
