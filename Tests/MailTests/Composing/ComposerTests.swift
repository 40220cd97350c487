import Foundation
import Mail
import Testing

/// Outgoing mail: headers, structure, encodings and safety.
@Suite struct ComposerTests {
    private let composer = MailComposer(messageIDDomain: "ticketwerk.stadt.example", timeZone: TimeZone(identifier: "Europe/Berlin")!)
    private let servicedesk = MailAddress("servicedesk@stadt.example", name: "IT-Servicedesk")

    private func compose(_ mail: OutgoingMail) throws -> (bytes: [UInt8], text: String, message: MailMessage) {
        let composed = try composer.compose(mail)
        return (composed.bytes, String(decoding: composed.bytes, as: UTF8.self), MIMEParser.parse(composed.bytes))
    }

    /// The header section's lines, unfolded lines kept apart.
    private func headerLines(_ text: String) -> [String] {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return head.components(separatedBy: "\r\n")
    }

    @Test func plainASCIIMessage() throws {
        var mail = OutgoingMail(from: servicedesk, to: [MailAddress("hans@stadt.example")], subject: "Ihre Anfrage",
                                text: "Guten Tag,\n\nwir kuemmern uns darum.\n")
        mail.date = Date(timeIntervalSince1970: 1_705_306_363)
        let (bytes, text, message) = try compose(mail)
        #expect(text.hasPrefix("Date: Mon, 15 Jan 2024 09:12:43 +0100\r\nFrom: IT-Servicedesk <servicedesk@stadt.example>\r\n"))
        #expect(text.contains("\r\nTo: hans@stadt.example\r\nSubject: Ihre Anfrage\r\n"))
        #expect(text.contains("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nGuten Tag,\r\n"))
        #expect(!bytes.indices.contains { bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D) }, "CRLF only")
        let id = try #require(message.messageID)
        #expect(id.hasSuffix("@ticketwerk.stadt.example"))
        #expect(id.utf8.count == 32 + 1 + "ticketwerk.stadt.example".utf8.count)
        #expect(message.textBody == "Guten Tag,\n\nwir kuemmern uns darum.\n")
        #expect(message.date == mail.date)
        #expect(message.parseProblems.isEmpty)
    }

    @Test func messageIDsAreUniqueAndUseTheSenderDomainByDefault() throws {
        let ids = Set((0..<100).map { _ in MailComposer().makeMessageID(for: servicedesk) })
        #expect(ids.count == 100)
        #expect(ids.allSatisfy { $0.hasSuffix("@stadt.example") })
        #expect(MailComposer().makeMessageID().hasSuffix("@localhost"))
    }

    @Test func bccIsOnlyInTheEnvelope() throws {
        let mail = OutgoingMail(from: servicedesk, to: [MailAddress("a@stadt.example")], cc: [MailAddress("B@stadt.example")],
                                bcc: [MailAddress("geheim@stadt.example"), MailAddress("a@STADT.example")],
                                subject: "x", text: "y")
        let composed = try composer.compose(mail)
        let text = String(decoding: composed.bytes, as: UTF8.self)
        #expect(!text.contains("geheim"))
        // No Bcc header (the random Message-ID and boundary may spell "bcc" by chance).
        #expect(!text.lowercased().components(separatedBy: "\r\n").contains { $0.hasPrefix("bcc:") })
        #expect(composed.envelopeRecipients == ["a@stadt.example", "B@stadt.example", "geheim@stadt.example"])
        #expect(composed.envelopeSender == "servicedesk@stadt.example")
    }

    @Test func headerInjectionIsImpossible() throws {
        var mail = OutgoingMail(
            from: MailAddress("servicedesk@stadt.example", name: "Service\r\nBcc: opfer@evil.example"),
            to: [MailAddress("hans@stadt.example", name: "Hans\nX-Evil: 1")],
            subject: "Hallo\r\nBcc: opfer@evil.example\r\n\r\nGefälschter Text", text: "Text")
        mail.extraHeaders = [("X-Ticket", "1\r\nX-Evil: 2"), ("X-Note", "Grüße\u{0}\u{85}\u{2028}Ende")]
        let (_, text, message) = try compose(mail)
        let names = Set(message.headers.map { $0.name.lowercased() })
        #expect(names == ["date", "from", "to", "subject", "message-id", "x-ticket", "x-note", "mime-version",
                          "content-type", "content-transfer-encoding"])
        #expect(message.subject == "Hallo  Bcc: opfer@evil.example    Gefälschter Text")
        #expect(message.from.first?.name == "Service  Bcc: opfer@evil.example")
        #expect(message.to.first?.name == "Hans X-Evil: 1")
        #expect(message.headers["X-Ticket"] == "1  X-Evil: 2")
        #expect(message.headers["X-Note"] == "Grüße   Ende")
        #expect(message.textBody == "Text")
        #expect(!headerLines(text).contains { $0.hasPrefix("Bcc") || $0.hasPrefix("X-Evil") })
    }

    @Test func invalidAddressesAndHeaderNamesAreRejected() throws {
        let base = OutgoingMail(from: servicedesk, to: [MailAddress("a@stadt.example")], subject: "x", text: "y")
        for bad in ["a@stadt.example\r\nBcc: x@evil.example", "a b@stadt.example", "<a@stadt.example>", "a@", "@stadt.example",
                    "a@@stadt.example", "müller@stadt.example", "a@stadt.example,b@stadt.example", "a@stadt..", ""] {
            var mail = base
            mail.to = [MailAddress(bad)]
            #expect(throws: MailComposeError.invalidAddress(bad)) { try composer.compose(mail) }
        }
        var mail = base
        mail.extraHeaders = [("X-Bad: Name", "v")]
        #expect(throws: MailComposeError.invalidHeaderName("X-Bad: Name")) { try composer.compose(mail) }
        mail.extraHeaders = [("bcc", "x@evil.example")]
        #expect(throws: MailComposeError.reservedHeader("bcc")) { try composer.compose(mail) }
        mail.extraHeaders = []
        mail.messageID = "a b@c"
        #expect(throws: MailComposeError.invalidMessageID("a b@c")) { try composer.compose(mail) }
        mail.messageID = "<given@stadt.example>"
        #expect(try composer.compose(mail).messageID == "given@stadt.example")
    }

    @Test func nonASCIIHeadersAreEncodedAndFolded() throws {
        let mail = OutgoingMail(
            from: MailAddress("servicedesk@stadt.example", name: "Amt für Digitalisierung – Servicedesk"),
            to: [MailAddress("h@stadt.example", name: "Müller, Hans"), MailAddress("p@stadt.example", name: "Petra \"PS\" Schmidt"),
                 MailAddress("w@stadt.example", name: "Jürgen Weiß"), MailAddress("x@stadt.example", name: "Иван Петров")],
            subject: "[Ticket#2024011510000012] Drucker im Büro 3.OG druckt nur leere Seiten – Rückfrage zur Tonerkartusche 🖨️",
            text: "x")
        let (_, text, message) = try compose(mail)
        #expect(headerLines(text).allSatisfy { $0.utf8.count <= 78 })
        #expect(headerLines(text).allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(text.contains("Subject: [Ticket#2024011510000012] Drucker im"), "ASCII words stay readable")
        #expect(message.subject == mail.subject)
        #expect(message.from == [mail.from])
        #expect(message.to == mail.to)
    }

    @Test func longWordsAndLinesStayWithinLimits() throws {
        let word = String(repeating: "x", count: 2_000)
        var mail = OutgoingMail(from: servicedesk, to: [MailAddress("a@stadt.example")], subject: word,
                                text: word + "\n" + String(repeating: "ä", count: 1_500), html: "<p>" + word + "</p>",
                                attachments: [OutgoingAttachment(filename: String(repeating: "Dateiname ", count: 30) + ".pdf",
                                                                 contentType: "application/pdf", bytes: [1])])
        mail.extraHeaders = [("X-Long", word)]
        let (bytes, _, message) = try compose(mail)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 79 }, "all lines ≤ 78 characters plus CR")
        #expect(message.subject == word)
        #expect(message.headers["X-Long"] == word)
        #expect(message.textBody == mail.text)
        #expect(message.htmlBody == mail.html)
        #expect(message.attachments.first?.filename == mail.attachments[0].filename)
    }

    @Test func transferEncodingFitsTheText() throws {
        func encoding(_ text: String) throws -> String? {
            try compose(OutgoingMail(from: servicedesk, subject: "x", text: text)).message.structure.transferEncoding
        }
        #expect(try encoding("Nur ASCII.\n") == "7bit")
        #expect(try encoding("Grüße aus Köln, mit freundlichen Grüßen.\n") == "quoted-printable")
        #expect(try encoding(String(repeating: "a", count: 100)) == "quoted-printable")
        #expect(try encoding("boundary =_tw_ inside") == "quoted-printable")
        #expect(try encoding("Привет, как дела? Всё хорошо.") == "base64")
        #expect(try encoding("Tab\tund\u{1}Steuerzeichen") == "quoted-printable")
    }

    @Test func structureFollowsTheContent() throws {
        let image = OutgoingAttachment(filename: "logo.png", contentType: "image/png", bytes: [0x89, 0x50], contentID: "logo@stadt.example")
        let pdf = OutgoingAttachment(filename: "Bericht.pdf", contentType: "application/pdf", bytes: Array(repeating: 7, count: 1_000))
        func structure(_ mail: OutgoingMail) throws -> String {
            func describe(_ part: MIMEPart) -> String {
                part.parts.isEmpty ? part.contentType.mimeType
                    : part.contentType.mimeType + "(" + part.parts.map(describe).joined(separator: ",") + ")"
            }
            return describe(try compose(mail).message.structure)
        }
        var mail = OutgoingMail(from: servicedesk, subject: "s", text: "t")
        #expect(try structure(mail) == "text/plain")
        mail.attachments = [pdf]
        #expect(try structure(mail) == "multipart/mixed(text/plain,application/pdf)")
        mail.html = "<p>t <img src=\"cid:logo@stadt.example\"></p>"
        mail.attachments = [image, pdf]
        #expect(try structure(mail) == "multipart/mixed(multipart/alternative(text/plain,multipart/related(text/html,image/png)),application/pdf)")
        mail.attachments = [image]
        let (_, _, message) = try compose(mail)
        #expect(message.attachments.map(\.contentID) == ["logo@stadt.example"])
        #expect(message.attachments.map(\.disposition) == [.inline])
        mail.attachments = [OutgoingAttachment(filename: "x", contentType: "not a type", bytes: [1])]
        #expect(try compose(mail).message.attachments.first?.contentType.mimeType == "application/octet-stream")
    }

    @Test func forwardedMessageIsSentUnencoded() throws {
        let mail = OutgoingMail(from: servicedesk, subject: "Fwd", text: "siehe Anhang",
                                attachments: [OutgoingAttachment(filename: "original.eml", contentType: "message/rfc822",
                                                                 bytes: ClientMessages.gmail)])
        let (_, text, message) = try compose(mail)
        #expect(text.contains("Content-Type: message/rfc822; name=\"original.eml\"\r\nContent-Disposition: attachment; filename=\"original.eml\"\r\nContent-Transfer-Encoding: 7bit"))
        let forwarded = try #require(message.attachments.first?.embeddedMessage())
        #expect(forwarded.subject == "Passwort zurücksetzen 🔑")
        #expect(forwarded.textBody == "Hallo Frau Schmidt,\n\nanbei das Formular.\n\nBeste Grüße\nErika")
    }

    @Test func replyThreadingAndAutoSubmitted() throws {
        let original = MIMEParser.parse(ClientMessages.thunderbird)
        var mail = OutgoingMail(from: servicedesk, to: original.from, subject: "Re: Drucker", text: "Erledigt.")
        mail.setReply(to: original)
        mail.autoSubmitted = .autoReplied
        #expect(mail.inReplyTo == ["3f2a1b4c-5d6e-7f80-9a1b-2c3d4e5f6a7b@stadt.example"])
        #expect(mail.references == original.references + ["3f2a1b4c-5d6e-7f80-9a1b-2c3d4e5f6a7b@stadt.example"])
        let (_, text, message) = try compose(mail)
        #expect(message.inReplyTo == mail.inReplyTo)
        #expect(message.references == mail.references)
        #expect(message.autoSubmitted == "auto-replied")
        #expect(message.headers["X-Auto-Response-Suppress"] == "All")
        // Only an ID longer than a line stands alone on a longer line.
        #expect(headerLines(text).allSatisfy { line in
            line.utf8.count <= 78 || (line.hasSuffix(">") && line.split(separator: "<").count == 2 && line.utf8.count <= 998)
        })

        // Replies to a message without References use its In-Reply-To; long chains are shortened.
        var chained = MIMEParser.parse(TestBytes.lf("Message-ID: <m@x>\nIn-Reply-To: <p@x>\n\n"))
        mail.setReply(to: chained)
        #expect(mail.references == ["p@x", "m@x"])
        let references = (1...30).map { "<r\($0)@x>" }.joined(separator: " ")
        chained = MIMEParser.parse(TestBytes.lf("Message-ID: <m@x>\nReferences: \(references)\n\n"))
        mail.setReply(to: chained)
        #expect(mail.references.count == 20)
        #expect(mail.references.first == "r1@x")
        #expect(mail.references.suffix(2) == ["r30@x", "m@x"])
    }

    @Test func foreignIDsAreCleanedNotTrusted() throws {
        var mail = OutgoingMail(from: servicedesk, subject: "x", text: "y")
        mail.inReplyTo = ["<a@x>\r\nBcc: evil@example.org", "kein-at", "", "<ok@x>"]
        mail.references = ["<a@x>", "b@x", "<a@x>", " <c@x> "]
        let (_, _, message) = try compose(mail)
        #expect(message.inReplyTo == ["ok@x"])
        #expect(message.references == ["a@x", "b@x", "c@x"])
        #expect(!message.headers.contains("Bcc"))
    }
}
