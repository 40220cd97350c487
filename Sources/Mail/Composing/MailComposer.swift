import Foundation

/// Writes outgoing mail: RFC 5322 headers and MIME structure, as bytes with CRLF line endings.
///
/// The structure follows what the message holds: `text/plain` alone; `multipart/alternative` (text and HTML);
/// `multipart/related` around the HTML and its inline images; `multipart/mixed` with attachments. Text is UTF-8,
/// sent as 7bit when it is short-lined ASCII, quoted-printable when mostly ASCII, base64 otherwise; files are
/// base64. Header texts are RFC 2047-encoded when not ASCII, file names RFC 2231-encoded, and lines are at most
/// 78 characters where a break is possible (never more than 998). Header injection is impossible: every text is
/// cleaned of line breaks and control characters, addresses and header names are checked.
public struct MailComposer: Sendable {
    /// The domain of generated Message-IDs; nil for the domain of the From address.
    public var messageIDDomain: String?
    /// The time zone of the Date header.
    public var timeZone: TimeZone

    public init(messageIDDomain: String? = nil, timeZone: TimeZone = .current) {
        self.messageIDDomain = messageIDDomain
        self.timeZone = timeZone
    }

    /// A new Message-ID (without angle brackets): 128 random bits `@` the domain.
    public func makeMessageID(for from: MailAddress? = nil) -> String {
        let domain = (messageIDDomain ?? from?.domain).map(Self.domainPart) ?? ""
        return RandomHex.make(bytes: 16) + "@" + (domain.isEmpty ? "localhost" : domain)
    }

    /// The message as bytes, with the data the SMTP envelope needs.
    public func compose(_ mail: OutgoingMail) throws(MailComposeError) -> ComposedMail {
        let from = try Self.checked(mail.from)
        let to = try mail.to.map { address throws(MailComposeError) in try Self.checked(address) }
        let cc = try mail.cc.map { address throws(MailComposeError) in try Self.checked(address) }
        let bcc = try mail.bcc.map { address throws(MailComposeError) in try Self.checked(address) }
        let replyTo = try mail.replyTo.map { address throws(MailComposeError) in try Self.checked(address) }
        let messageID: String
        if let given = mail.messageID {
            messageID = try Self.checkedMessageID(given)
        } else {
            messageID = makeMessageID(for: from)
        }
        for (name, _) in mail.extraHeaders { try Self.checkExtraHeaderName(name) }

        var output: [UInt8] = []
        output.reserveCapacity(mail.text.utf8.count * 2 + (mail.html?.utf8.count ?? 0) * 2
            + mail.attachments.reduce(0) { $0 + $1.bytes.count * 137 / 100 } + 2048)
        output += HeaderEncoder.field("Date", [MailDate.format(mail.date ?? Date(), timeZone: timeZone)])
        output += HeaderEncoder.field("From", HeaderEncoder.mailboxTokens(from))
        if !replyTo.isEmpty { output += HeaderEncoder.field("Reply-To", HeaderEncoder.addressListTokens(replyTo)) }
        if !to.isEmpty { output += HeaderEncoder.field("To", HeaderEncoder.addressListTokens(to)) }
        if !cc.isEmpty { output += HeaderEncoder.field("Cc", HeaderEncoder.addressListTokens(cc)) }
        output += HeaderEncoder.field("Subject", HeaderEncoder.unstructuredTokens(mail.subject))
        output += HeaderEncoder.field("Message-ID", ["<\(messageID)>"])
        let inReplyTo = Self.cleanedIDs(mail.inReplyTo)
        if !inReplyTo.isEmpty { output += HeaderEncoder.field("In-Reply-To", inReplyTo.map { "<\($0)>" }) }
        let references = Self.cleanedIDs(mail.references)
        if !references.isEmpty { output += HeaderEncoder.field("References", references.map { "<\($0)>" }) }
        if let autoSubmitted = mail.autoSubmitted {
            output += HeaderEncoder.field("Auto-Submitted", [autoSubmitted.rawValue])
            // Keeps Exchange from answering automatic mail with out-of-office replies.
            output += HeaderEncoder.field("X-Auto-Response-Suppress", ["All"])
        }
        for (name, value) in mail.extraHeaders {
            output += HeaderEncoder.field(name, HeaderEncoder.unstructuredTokens(value))
        }
        output += HeaderEncoder.field("MIME-Version", ["1.0"])
        MIMEWriter.write(Self.structure(of: mail), into: &output)

        var recipients: [String] = []
        var seen: Set<String> = []
        for address in to + cc + bcc where seen.insert(ASCII.lowercased(address.address)).inserted {
            recipients.append(address.address)
        }
        return ComposedMail(bytes: output, messageID: messageID, envelopeSender: from.address,
                            envelopeRecipients: recipients)
    }

    // MARK: Structure

    private static func structure(of mail: OutgoingMail) -> MIMEWriter.Node {
        let text = textLeaf(mail.text, subtype: "plain")
        guard let html = mail.html else {
            let files = mail.attachments.map(fileLeaf)
            return files.isEmpty ? text : .multipart(subtype: "mixed", parts: [text] + files)
        }
        let inline = mail.attachments.filter { $0.contentID != nil }
        let regular = mail.attachments.filter { $0.contentID == nil }
        var htmlNode = textLeaf(html, subtype: "html")
        if !inline.isEmpty { htmlNode = .multipart(subtype: "related", parts: [htmlNode] + inline.map(fileLeaf)) }
        let body = MIMEWriter.Node.multipart(subtype: "alternative", parts: [text, htmlNode])
        return regular.isEmpty ? body : .multipart(subtype: "mixed", parts: [body] + regular.map(fileLeaf))
    }

    private static func textLeaf(_ text: String, subtype: String) -> MIMEWriter.Node {
        let encoded = BodyEncoder.text(text)
        return .leaf(fields: [
            HeaderEncoder.field("Content-Type", HeaderEncoder.parameterizedTokens(
                "text/\(subtype)", [["charset=utf-8"]])),
            HeaderEncoder.field("Content-Transfer-Encoding", [encoded.transferEncoding]),
        ], body: encoded.bytes)
    }

    private static func fileLeaf(_ attachment: OutgoingAttachment) -> MIMEWriter.Node {
        let mediaType = ContentType(parsing: attachment.contentType).map(\.mimeType) ?? "application/octet-stream"
        let filename = FileName.cleaned(HeaderEncoder.clean(attachment.filename)) ?? "attachment"
        let encoded = BodyEncoder.file(attachment.bytes, mediaType: mediaType)
        var fields = [
            HeaderEncoder.field("Content-Type", HeaderEncoder.parameterizedTokens(
                mediaType, [HeaderEncoder.encodedParameterTokens("name", filename)])),
            HeaderEncoder.field("Content-Disposition", HeaderEncoder.parameterizedTokens(
                attachment.contentID == nil ? "attachment" : "inline",
                [HeaderEncoder.parameterTokens("filename", filename)])),
            HeaderEncoder.field("Content-Transfer-Encoding", [encoded.transferEncoding]),
        ]
        if let contentID = attachment.contentID {
            let id = String(contentID.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
                .map(Character.init))
            fields.append(HeaderEncoder.field("Content-ID", ["<\(id.isEmpty ? RandomHex.make(bytes: 8) : id)>"]))
        }
        return .leaf(fields: fields, body: encoded.bytes)
    }

    // MARK: Checks

    /// The address, trimmed, if it is a plain ASCII `local@domain` that cannot break a header.
    private static func checked(_ mailbox: MailAddress) throws(MailComposeError) -> MailAddress {
        let address = ASCII.trimmed(mailbox.address)
        let bytes = Array(address.utf8)
        guard let at = bytes.lastIndex(of: ASCII.at), at > 0, at < bytes.count - 1, bytes.count <= 254,
              bytes.allSatisfy({ $0 > ASCII.space && $0 < 0x7F && !"<>()[],;:\\\"".utf8.contains($0) }),
              bytes.filter({ $0 == ASCII.at }).count == 1,
              bytes[(at + 1)...].allSatisfy({ isDomainByte($0) }), bytes[at + 1] != UInt8(ascii: "."),
              bytes.last != UInt8(ascii: ".")
        else { throw .invalidAddress(mailbox.address) }
        return MailAddress(address, name: mailbox.name)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, ASCII.hyphen, UInt8(ascii: "."): true
        default: false
        }
    }

    private static func domainPart(_ domain: String) -> String {
        String(domain.unicodeScalars.filter { $0.isASCII && isDomainByte(UInt8($0.value)) }.map(Character.init))
    }

    private static func checkedMessageID(_ id: String) throws(MailComposeError) -> String {
        var trimmed = ASCII.trimmed(id)
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count >= 2 { trimmed = String(trimmed.dropFirst().dropLast()) }
        guard isUsableID(trimmed) else { throw .invalidMessageID(id) }
        return trimmed
    }

    /// IDs from other messages: surrounding brackets and white space removed, unusable ones (with white space,
    /// control characters or brackets inside, or without `@`) dropped, no repeats.
    private static func cleanedIDs(_ ids: [String]) -> [String] {
        var result: [String] = []
        for id in ids {
            var cleaned = ASCII.trimmed(id)
            if cleaned.hasPrefix("<"), cleaned.hasSuffix(">"), cleaned.count >= 2 {
                cleaned = String(cleaned.dropFirst().dropLast())
            }
            if isUsableID(cleaned), !result.contains(cleaned) { result.append(cleaned) }
        }
        return result
    }

    private static func isUsableID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 250 && id.utf8.contains(ASCII.at)
            && id.utf8.allSatisfy { $0 > ASCII.space && $0 < 0x7F && $0 != ASCII.lessThan && $0 != ASCII.greaterThan }
    }

    private static let reservedHeaders: Set<String> = [
        "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition", "content-id",
        "auto-submitted", "x-auto-response-suppress",
    ]

    private static func checkExtraHeaderName(_ name: String) throws(MailComposeError) {
        guard !name.isEmpty, name.utf8.count <= 76,
              name.utf8.allSatisfy({ $0 > ASCII.space && $0 < 0x7F && $0 != ASCII.colon })
        else { throw .invalidHeaderName(name) }
        if reservedHeaders.contains(ASCII.lowercased(name)) { throw .reservedHeader(name) }
    }
}
