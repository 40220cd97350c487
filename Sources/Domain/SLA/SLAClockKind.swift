/// The three promises an SLA makes about a ticket.
public enum SLAClockKind: String, Sendable, Codable, CaseIterable {
    /// Until the first customer-visible agent reply.
    case firstResponse
    /// Until the next customer-visible exchange; restarts with every one.
    case update
    /// Until the ticket first reaches a closed state type (resumed, not restarted, after a reopen).
    case solution
}
