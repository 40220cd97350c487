import Domain
import Foundation

/// An outbox message as agents see it on the ticket: where its delivery stands, without its bytes or lease.
public struct OutboxEntry: Sendable, Encodable, Equatable {
    public var id: Int64
    public var articleId: Int64?
    public var messageId: String
    /// Every envelope recipient: To, Cc and Bcc.
    public var recipients: [String]
    public var status: OutboxStatus
    public var attempts: Int
    /// When the next attempt is due (queued messages only).
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var serverReply: String?
    public var createdAt: Date
    public var finishedAt: Date?

    init(_ message: OutboxMessage) {
        id = message.id
        articleId = message.articleID
        messageId = message.messageID
        recipients = message.envelopeRecipients
        status = message.status
        attempts = message.attempts
        nextAttemptAt = message.status == .queued ? message.nextAttemptAt : nil
        lastError = message.lastError
        serverReply = message.serverReply
        createdAt = message.createdAt
        finishedAt = message.finishedAt
    }
}
