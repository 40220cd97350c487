import Foundation
import Mail
import Testing

/// Bounces, forwards, digests, signed mail, RFC 2231 names and HTML-only mail.
@Suite struct SpecialMessageTests {
    @Test func postfixBounceIsADeliveryReport() throws {
        let message = MIMEParser.parse(SpecialMessages.postfixBounce)
        #expect(message.isDeliveryReport)
        let report = try #require(message.deliveryReport)
        #expect(report.originalMessageID == "ticketwerk.2024011510000012.2@stadt.example")
        #expect(report.originalSubject == "[Ticket#2024011510000012] Ihre Anfrage zum Drucker im Büro")
        #expect(report.reportingMTA == "mail.stadt.example")
        #expect(report.failedRecipients == ["h.mueler@stadt.example"])
        #expect(report.recipients.count == 2)
        #expect(report.recipients[0].status == "5.1.1")
        #expect(report.recipients[0].diagnostic?.contains("User unknown") == true)
        #expect(report.recipients[1].action == "delayed")
        #expect(!report.recipients[1].isFailure)
        #expect(message.autoSubmitted == "auto-replied")
        #expect(message.from.first?.address == "MAILER-DAEMON@mail.stadt.example")
        #expect(message.from.first?.name == "Mail Delivery System")
        #expect(message.text(contains: "your message could not\nbe delivered"))
        // The status and the returned message stay with the article.
        #expect(message.attachments.map(\.contentType.mimeType) == ["message/delivery-status", "message/rfc822"])
        #expect(message.parseProblems.isEmpty)
    }

    @Test func bounceWithReturnedHeadersOnly() throws {
        let message = MIMEParser.parse(TestBytes.crlf("""
        From: postmaster@mail.example.org
        Subject: Delivery Status Notification (Failure)
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

        --dsn
        Content-Type: text/plain; charset=utf-8

        Die Nachricht konnte nicht zugestellt werden.
        --dsn
        Content-Type: message/delivery-status

        Reporting-MTA: dns;mail.example.org

        Final-Recipient: rfc822;<alt@example.org>
        Action: failed
        Status: 5.2.2 (mailbox full)
        --dsn
        Content-Type: text/rfc822-headers

        Message-ID: <ticketwerk.7.1@stadt.example>
        Subject: Ihr Ticket
        --dsn--
        """))
        let report = try #require(message.deliveryReport)
        #expect(report.originalMessageID == "ticketwerk.7.1@stadt.example")
        #expect(report.originalSubject == "Ihr Ticket")
        #expect(report.failedRecipients == ["alt@example.org"])
        #expect(report.recipients.first?.status == "5.2.2")
        #expect(message.textBody == "Die Nachricht konnte nicht zugestellt werden.")
    }

    @Test func inlineImageWithOnlyAContentID() throws {
        let message = MIMEParser.parse(TestBytes.lf("""
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: text/html; charset=utf-8

        <p><img src="cid:image001.png@01DA4A2B.3C4D5E60"></p>
        --rel
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-ID: <image001.png@01DA4A2B.3C4D5E60>

        iVBORw0KGgo=
        --rel--
        """))
        let image = try #require(message.attachments.first)
        #expect(image.contentID == "image001.png@01DA4A2B.3C4D5E60")
        #expect(image.disposition == .inline)
        #expect(image.filename == nil)
        #expect(image.suggestedFilename == "image.png")
        #expect(message.textBodyIsFromHTML)
        #expect(message.textBody == "")
    }

    @Test func ordinaryMailIsNoDeliveryReport() {
        #expect(!MIMEParser.parse(ClientMessages.outlook).isDeliveryReport)
        #expect(MIMEParser.parse(ClientMessages.outlook).autoSubmitted == nil)
    }

    @Test func forwardedMessageIsAnAttachmentThatParses() throws {
        let message = MIMEParser.parse(SpecialMessages.forwardedAsAttachment)
        #expect(message.textBody == "Bitte um Bearbeitung, siehe weitergeleitete Nachricht.\n")
        #expect(message.htmlBody == nil)
        let attachment = try #require(message.attachments.first)
        #expect(message.attachments.count == 1)
        #expect(attachment.filename == "Zugang zum Ratsinformationssystem.eml")
        #expect(attachment.isMessage)
        let forwarded = try #require(attachment.embeddedMessage())
        #expect(forwarded.subject == "Zugang für neue Ratsmitglieder")
        #expect(forwarded.from.first?.name == "Ratsbüro")
        #expect(forwarded.messageID == "orig-42@stadt.example")
        #expect(forwarded.textBody == "Bitte richten Sie für die neuen Ratsmitglieder Zugänge ein.")
        #expect(forwarded.parseProblems.isEmpty)
    }

    @Test func forwardedMessageWithoutNameIsNamedAfterItsSubject() throws {
        let bytes = TestBytes.lf("""
        Subject: Fwd
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: message/rfc822

        Subject: =?utf-8?Q?Stra=C3=9Fenbeleuchtung_defekt?=

        Text
        --b--
        """)
        let attachment = try #require(MIMEParser.parse(bytes).attachments.first)
        #expect(attachment.filename == nil)
        #expect(attachment.suggestedFilename == "Straßenbeleuchtung defekt.eml")
    }

    @Test func rfc2231ContinuationsAreJoinedBeforeDecoding() throws {
        let message = MIMEParser.parse(SpecialMessages.rfc2231Continuations)
        #expect(message.attachments.map(\.filename) == [
            "Antrag auf Bereitstellung eines Arbeitsplatzes für neue Mitarbeiterin – Amt 12.docx",
            "Straßenplan Nord.pdf",
        ])
        #expect(message.attachments.map(\.size) == [64, 52])
        #expect(message.textBody == "Anbei der Antrag.")
        #expect(message.parseProblems.isEmpty)
    }

    @Test func htmlOnlyMailGetsTextFromItsHTML() throws {
        let message = MIMEParser.parse(SpecialMessages.htmlOnlyListMail)
        #expect(message.textBodyIsFromHTML)
        let text = try #require(message.textBody)
        #expect(text == """
        Wartungsfenster

        Am Samstag, 27. Januar, sind folgende Systeme „nicht erreichbar“:

        - E-Mail & Kalender
        - Fachverfahren – Meldewesen

        Fragen? Schreiben Sie an den Servicedesk.
        Ihre Intranet-Redaktion
        """)
        #expect(message.htmlBody?.contains("<script>") == true, "the HTML is kept as sent; sanitising is the caller's")
        #expect(message.precedence == "bulk")
        #expect(message.autoSubmitted == "auto-generated")
        #expect(message.listID == "Alle Mitarbeitenden <alle.stadt.example>")
        #expect(message.hasListHeaders)
        #expect(!MIMEParser.parse(ClientMessages.gmail).hasListHeaders)
    }

    @Test func signedMessageKeepsTextAndSignature() throws {
        let message = MIMEParser.parse(SpecialMessages.pgpSigned)
        #expect(message.textBody == "Das TLS-Zertifikat für intranet.stadt.example ist erneuert.")
        #expect(message.attachments.map(\.filename) == ["OpenPGP_signature.asc"])
        #expect(message.structure.contentType.mimeType == "multipart/signed")
        // The signed part's exact bytes are available for verification.
        let signed = message.structure.parts[0]
        let signedBytes = message.raw[signed.headerRange.lowerBound..<signed.bodyRange.upperBound]
        #expect(String(decoding: signedBytes, as: UTF8.self).hasPrefix("Content-Type: text/plain; charset=utf-8\n"))
        #expect(String(decoding: signedBytes, as: UTF8.self).hasSuffix("ist erneuert."))
    }

    @Test func digestPartsAreMessages() throws {
        let message = MIMEParser.parse(SpecialMessages.digest)
        #expect(message.textBody == "Themen dieser Ausgabe: 1. Druckerwechsel 2. Softwareverteilung")
        #expect(message.attachments.count == 2)
        #expect(message.attachments.allSatisfy { $0.contentType.mimeType == "message/rfc822" })
        #expect(message.attachments.compactMap { $0.embeddedMessage()?.subject } == ["Druckerwechsel", "Softwareverteilung"])
        #expect(message.attachments.map(\.suggestedFilename) == ["Druckerwechsel.eml", "Softwareverteilung.eml"])
        #expect(message.parseProblems.isEmpty)
    }
}
