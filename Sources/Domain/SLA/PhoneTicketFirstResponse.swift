/// How the first-response clock treats a ticket an agent opens from a phone call.
public enum PhoneTicketFirstResponse: String, Sendable, Codable, CaseIterable {
    /// The call itself was the first response: the clock is met when the ticket is created (the default).
    case metAtCreation
    /// The clock runs like for any other ticket until the first customer-visible agent reply.
    case awaitsAgentReply
}
