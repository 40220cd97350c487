/// What happens to a customer reply that arrives for a closed ticket of a queue.
public enum FollowUpPolicy: String, Sendable, Codable, CaseIterable {
    /// The ticket is reopened.
    case reopen
    /// The reply is rejected with a notice to the sender.
    case reject
    /// A new ticket is opened and linked to the closed one.
    case newTicket
}
