import Foundation

/// A message to send, as its author describes it; ``MailComposer`` turns it into RFC 5322 bytes.
///
/// Nothing here needs escaping: names and subjects may hold any text (non-ASCII is RFC 2047-encoded, line breaks
/// and other control characters become spaces), and addresses are checked. Bcc recipients are never written into
/// the message; they appear only in ``ComposedMail/envelopeRecipients``.
public struct OutgoingMail: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var bcc: [MailAddress]
    public var replyTo: [MailAddress]
    public var subject: String
    /// The plain text; line breaks may be `\n` or `\r\n`.
    public var text: String
    /// An HTML version of the text, sent as `multipart/alternative` with it.
    public var html: String?
    /// Files to attach; those with a ``OutgoingAttachment/contentID`` are inline images of the HTML.
    public var attachments: [OutgoingAttachment]
    /// The Message-ID without angle brackets; nil to have one generated.
    public var messageID: String?
    /// Message-IDs (without angle brackets) for In-Reply-To; see ``setReply(to:)``.
    public var inReplyTo: [String]
    /// Message-IDs (without angle brackets) for References, oldest first; see ``setReply(to:)``.
    public var references: [String]
    /// Set on every message a program sends on its own (notifications, auto-replies): other systems then do not
    /// answer it automatically.
    public var autoSubmitted: AutoSubmitted?
    /// The Date header's instant; nil for the time of composing.
    public var date: Date?
    /// Further header fields, such as `X-Loop` or `X-Ticketwerk-Ticket`. Fields the composer writes itself
    /// (From, Subject, Content-Type …) cannot be given here.
    public var extraHeaders: [(name: String, value: String)]

    public init(from: MailAddress, to: [MailAddress] = [], cc: [MailAddress] = [], bcc: [MailAddress] = [],
                replyTo: [MailAddress] = [], subject: String, text: String, html: String? = nil,
                attachments: [OutgoingAttachment] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.messageID = nil
        self.inReplyTo = []
        self.references = []
        self.autoSubmitted = nil
        self.date = nil
        self.extraHeaders = []
    }

    /// Makes this message a reply to `message` (RFC 5322 section 3.6.4): In-Reply-To is its Message-ID,
    /// References its References (or In-Reply-To) followed by its Message-ID. Long chains keep the first and the
    /// last 19 IDs, so that the header stays short and threading still works.
    public mutating func setReply(to message: MailMessage) {
        var chain = message.references
        if chain.isEmpty, message.inReplyTo.count == 1 { chain = message.inReplyTo }
        guard let id = message.messageID else {
            inReplyTo = []
            references = Self.shortened(chain)
            return
        }
        inReplyTo = [id]
        chain.removeAll { $0 == id }
        chain.append(id)
        references = Self.shortened(chain)
    }

    private static func shortened(_ chain: [String]) -> [String] {
        guard chain.count > 20, let first = chain.first else { return chain }
        return [first] + chain.suffix(19)
    }
}
