import Foundation

/// A composed message waiting in (or done with) the mail outbox, with its SMTP envelope and delivery state.
public struct OutboxMessage: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// The ticket and article the message belongs to; nil for mail that belongs to no ticket.
    public var ticketID: Int64?
    public var articleID: Int64?
    /// The Message-ID, without angle brackets.
    public var messageID: String
    public var envelopeSender: String
    public var envelopeRecipients: [String]
    /// The message as sent: RFC 5322 bytes with CRLF line endings. Empty in listings.
    public var content: [UInt8]
    public var status: OutboxStatus
    /// Delivery attempts begun so far.
    public var attempts: Int
    /// When the next attempt is due (for `queued`).
    public var nextAttemptAt: Date
    /// The node holding the lease while `sending`, and until when.
    public var leaseOwner: String?
    public var leaseUntil: Date?
    /// Set just before the final line of the message goes out; from then on the message is never sent again.
    public var committingAt: Date?
    /// The last failure, as the server or the network reported it.
    public var lastError: String?
    /// The server's answer to the accepted message (usually naming its queue id).
    public var serverReply: String?
    public var createdAt: Date
    /// When the message reached `sent`, `failed` or `unconfirmed`.
    public var finishedAt: Date?

    public init(
        id: Int64 = 0, ticketID: Int64?, articleID: Int64?, messageID: String, envelopeSender: String,
        envelopeRecipients: [String], content: [UInt8], status: OutboxStatus = .queued, attempts: Int = 0,
        nextAttemptAt: Date, leaseOwner: String? = nil, leaseUntil: Date? = nil, committingAt: Date? = nil,
        lastError: String? = nil, serverReply: String? = nil, createdAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.articleID = articleID
        self.messageID = messageID
        self.envelopeSender = envelopeSender
        self.envelopeRecipients = envelopeRecipients
        self.content = content
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.committingAt = committingAt
        self.lastError = lastError
        self.serverReply = serverReply
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}
