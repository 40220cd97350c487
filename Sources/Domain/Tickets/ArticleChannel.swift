/// How an article reached the ticket.
public enum ArticleChannel: String, Sendable, Codable, CaseIterable {
    case email
    case web
    case phone
    /// The requester came to the service desk in person.
    case walkIn
    case note
    case system

    /// Phone calls and visits: the requester spoke to an agent, so the agent's record counts as an answer
    /// where the SLA says so (`PhoneTicketFirstResponse`).
    public var isInPerson: Bool { self == .phone || self == .walkIn }
}

/// Who wrote an article.
public enum ArticleSender: String, Sendable, Codable, CaseIterable {
    case agent
    case customer
    case system
}
