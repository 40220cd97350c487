/// What one SMTP transaction carries: the reverse path, the recipients and the message with CRLF line endings.
public struct SMTPEnvelope: Sendable {
    /// The `MAIL FROM` address; empty for the null reverse path `<>`.
    public var sender: String
    public var recipients: [String]
    public var message: [UInt8]

    public init(sender: String, recipients: [String], message: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.message = message
    }
}

/// What the server said about a message it accepted.
public struct SMTPDelivery: Sendable, Equatable {
    /// The reply to the end of data, usually naming the server's queue id.
    public let reply: SMTPReply
    /// Recipients the server refused while accepting the message for the others, with its replies.
    public let rejectedRecipients: [String: SMTPReply]
}
