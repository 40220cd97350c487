/// A message ready to send: its bytes (CRLF line endings), and what the SMTP envelope needs.
public struct ComposedMail: Sendable {
    /// The message, RFC 5322 with MIME, CRLF line endings, no line longer than 998 bytes.
    public let bytes: [UInt8]
    /// The Message-ID, without angle brackets, to store for threading replies.
    public let messageID: String
    /// The From address, for `MAIL FROM`.
    public let envelopeSender: String
    /// To, Cc and Bcc addresses without repeats, for `RCPT TO`.
    public let envelopeRecipients: [String]
}
