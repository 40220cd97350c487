/// How an article reached the ticket.
public enum ArticleChannel: String, Sendable, Codable, CaseIterable {
    case email
    case web
    case phone
    case note
    case system
}

/// Who wrote an article.
public enum ArticleSender: String, Sendable, Codable, CaseIterable {
    case agent
    case customer
    case system
}
