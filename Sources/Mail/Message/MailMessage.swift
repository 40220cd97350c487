import Foundation

/// A received message, parsed: its headers, the text and HTML to show, its attachments, and what could only be
/// recovered from.
///
/// ``MIMEParser/parse(_:)`` makes one from any bytes and never fails; the raw bytes are kept. The HTML body is the
/// sender's HTML as it came, decoded to a string but **not sanitised**: callers must sanitise it before display
/// (the Domain's `HTMLSanitizer`) and resolve `cid:` references against ``attachments``.
public struct MailMessage: Sendable {
    /// The message exactly as received.
    public let raw: [UInt8]
    /// The message's header fields.
    public let headers: MailHeaders
    /// The MIME structure; its ranges point into ``raw``.
    public let structure: MIMEPart
    /// The plain text of the message, line breaks as `\n`: the text parts, or if there are none, the text of
    /// the HTML part (see ``textBodyIsFromHTML``); nil if the message has neither. `format=flowed` is undone.
    public let textBody: String?
    /// Whether ``textBody`` was made from the HTML part because the message has no text part.
    public let textBodyIsFromHTML: Bool
    /// The HTML of the message as sent (decoded to a string, not sanitised), or nil if it has none.
    public let htmlBody: String?
    /// Attachments, inline images, forwarded messages and parts kept whole, in the order of the message.
    public let attachments: [MailAttachment]
    /// What a delivery status notification (bounce) says, if the message is one.
    public let deliveryReport: DeliveryReport?
    /// What was wrong with the message and how it was read anyway, in English, for logs and for agents who
    /// wonder why a message looks odd. Empty for well-formed mail.
    public let parseProblems: [String]

    init(raw: [UInt8], structure: MIMEPart, textBody: String?, textBodyIsFromHTML: Bool, htmlBody: String?,
         attachments: [MailAttachment], deliveryReport: DeliveryReport?, parseProblems: [String]) {
        self.raw = raw
        self.headers = structure.headers
        self.structure = structure
        self.textBody = textBody
        self.textBodyIsFromHTML = textBodyIsFromHTML
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.deliveryReport = deliveryReport
        self.parseProblems = parseProblems
    }

    /// Parses `bytes`; the same as ``MIMEParser/parse(_:)``.
    public init(parsing bytes: [UInt8]) {
        self = MIMEParser.parse(bytes)
    }

    /// The decoded Subject, or nil if there is none.
    public var subject: String? { headers["Subject"] }
    public var from: [MailAddress] { addresses("From") }
    public var sender: MailAddress? { addresses("Sender").first }
    public var to: [MailAddress] { addresses("To") }
    public var cc: [MailAddress] { addresses("Cc") }
    public var replyTo: [MailAddress] { addresses("Reply-To") }
    /// The Date header's instant, or nil if it is missing or unreadable.
    public var date: Date? { headers.rawValue(named: "Date").flatMap(MailDate.parse) }
    /// The Message-ID without angle brackets.
    public var messageID: String? { headers.rawValue(named: "Message-ID").flatMap { MessageIDs.parse($0).first } }
    /// The IDs in In-Reply-To, without angle brackets.
    public var inReplyTo: [String] { headers.rawValue(named: "In-Reply-To").map(MessageIDs.parse) ?? [] }
    /// The IDs in References, without angle brackets, oldest first.
    public var references: [String] { headers.all(named: "References").flatMap { MessageIDs.parse($0.rawValue) } }
    /// The Auto-Submitted keyword in lower case (`auto-replied`, `auto-generated`, … or `no`); nil if absent.
    public var autoSubmitted: String? { keyword("Auto-Submitted") }
    /// The Precedence keyword in lower case (`bulk`, `list`, `junk` …); nil if absent.
    public var precedence: String? { keyword("Precedence") }
    /// The List-Id value, if the message came through a mailing list that says so.
    public var listID: String? { headers["List-Id"] }
    /// Whether any mailing-list header (RFC 2369/2919: List-Id, List-Unsubscribe, List-Post …) is present.
    public var hasListHeaders: Bool {
        headers.contains { field in Self.listHeaderNames.contains { field.isNamed($0) } }
    }
    /// Whether the message is a delivery status notification; see ``deliveryReport``.
    public var isDeliveryReport: Bool { deliveryReport != nil }

    private static let listHeaderNames = [
        "List-Id", "List-Unsubscribe", "List-Post", "List-Help", "List-Subscribe", "List-Owner", "List-Archive",
    ]

    private func addresses(_ name: String) -> [MailAddress] {
        headers.all(named: name).flatMap { MailAddress.list(parsing: $0.rawValue) }
    }

    private func keyword(_ name: String) -> String? {
        guard let value = headers.rawValue(named: name) else { return nil }
        let token = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let keyword = ASCII.lowercased(ASCII.trimmed(token))
        return keyword.isEmpty ? nil : keyword
    }
}
