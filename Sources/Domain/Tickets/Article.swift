import Foundation

/// One message or note in a ticket's thread.
public struct Article: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var ticketID: Int64
    public var channel: ArticleChannel
    public var sender: ArticleSender
    public var customerVisible: Bool
    public var from: String?
    public var to: String?
    public var cc: String?
    public var subject: String?
    /// The plain-text body; always present, derived from the HTML when only HTML was given.
    public var bodyText: String
    /// The sanitised HTML body, when the article had one.
    public var bodyHTML: String?
    public var messageID: String?
    public var inReplyTo: String?
    public var references: String?
    public var createdAt: Date
    public var createdBy: Int64?

    public init(
        id: Int64, ticketID: Int64, channel: ArticleChannel, sender: ArticleSender, customerVisible: Bool,
        from: String? = nil, to: String? = nil, cc: String? = nil, subject: String? = nil,
        bodyText: String, bodyHTML: String? = nil, messageID: String? = nil, inReplyTo: String? = nil,
        references: String? = nil, createdAt: Date, createdBy: Int64? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.channel = channel
        self.sender = sender
        self.customerVisible = customerVisible
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.bodyText = bodyText
        self.bodyHTML = bodyHTML
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
