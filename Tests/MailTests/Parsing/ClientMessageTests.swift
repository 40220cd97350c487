import Foundation
import Mail
import Testing

/// Messages from Outlook, Thunderbird, Apple Mail and Gmail read as their recipients see them.
@Suite struct ClientMessageTests {
    @Test func outlookExchange() throws {
        let message = MIMEParser.parse(ClientMessages.outlook)
        #expect(message.subject == "Drucker im Büro 3.OG druckt nur leere Seiten")
        #expect(message.from == [MailAddress("Hans.Mueller@stadt.example", name: "Müller, Hans")])
        #expect(message.to == [MailAddress("servicedesk@stadt.example", name: "IT-Servicedesk")])
        #expect(message.cc == [
            MailAddress("Petra.Schmidt@stadt.example", name: "Schmidt, Petra"),
            MailAddress("juergen.weiss@stadt.example", name: "Jürgen Weiß"),
        ])
        #expect(message.messageID == "AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0@AM0PR07MB4123.eurprd07.prod.outlook.com")
        #expect(message.date == Date(timeIntervalSince1970: 1_705_306_363))
        let text = try #require(message.textBody)
        #expect(text.contains("der Drucker im Büro 3.OG (Raum 3.14) druckt seit heute Morgen nur noch leere Seiten."))
        #expect(text.hasSuffix("Mit freundlichen Grüßen\nHans Müller\nAmt für Digitalisierung\n"))
        #expect(!message.textBodyIsFromHTML)
        let html = try #require(message.htmlBody)
        #expect(html.contains("der Drucker im Büro 3.OG (Raum 3.14) druckt seit heute Morgen nur noch leere Seiten."))
        #expect(message.attachments.count == 1)
        let attachment = try #require(message.attachments.first)
        #expect(attachment.filename == "Prüfprotokoll Drucker.pdf")
        #expect(attachment.contentType.mimeType == "application/pdf")
        #expect(attachment.size == 52)
        #expect(attachment.bytes.starts(with: Array("%PDF-1.4".utf8)))
        #expect(attachment.disposition == .attachment)
        #expect(message.parseProblems.isEmpty)
        #expect(message.raw == ClientMessages.outlook)
    }

    @Test func thunderbirdFlowedReply() throws {
        let message = MIMEParser.parse(ClientMessages.thunderbird)
        #expect(message.subject == "Re: [Ticket#2024011510000012] Drucker im Büro 3.OG")
        #expect(message.from.first?.name == "Jürgen Weiß")
        #expect(message.inReplyTo == ["ticketwerk.2024011510000012.1@stadt.example"])
        #expect(message.references == [
            "AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0@AM0PR07MB4123.eurprd07.prod.outlook.com",
            "ticketwerk.2024011510000012.1@stadt.example",
        ])
        let text = try #require(message.textBody)
        // The flowed lines are joined; the quote keeps its marker.
        #expect(text.contains("Ich habe ein Foto der Testseite angehängt. Können Sie den Toner prüfen?"))
        #expect(text.contains("> Wir schicken heute Nachmittag jemanden vorbei."))
        #expect(text.hasSuffix("Viele Grüße\nJürgen"))
        #expect(message.htmlBody == nil)
        let attachment = try #require(message.attachments.first)
        #expect(attachment.filename == "Testseite Größe.jpg")
        #expect(attachment.size == 534)
        #expect(attachment.bytes.prefix(3) == [0xFF, 0xD8, 0xFF])
        #expect(message.parseProblems.isEmpty)
    }

    @Test func appleMailInlineImage() throws {
        let message = MIMEParser.parse(ClientMessages.appleMail)
        #expect(message.subject == "Fehlermeldung beim Anmelden")
        #expect(message.text(contains: "erscheint seit heute diese Meldung (siehe Bildschirmfoto)."))
        let html = try #require(message.htmlBody)
        #expect(html.contains("src=\"cid:3A1F2B4C-5D6E-4F70-8192-A3B4C5D6E7F8@stadt.example\""))
        #expect(message.attachments.count == 1)
        let image = try #require(message.attachments.first)
        #expect(image.contentID == "3A1F2B4C-5D6E-4F70-8192-A3B4C5D6E7F8@stadt.example")
        #expect(image.disposition == .inline)
        #expect(image.filename == "Bildschirmfoto 2024-01-17 um 10.14.02.png")
        #expect(image.contentType.mimeType == "image/png")
        #expect(image.size == 108)
        #expect(message.parseProblems.isEmpty)
    }

    @Test func gmailWithLineFeedsOnly() throws {
        let message = MIMEParser.parse(ClientMessages.gmail)
        #expect(message.subject == "Passwort zurücksetzen 🔑")
        #expect(message.from == [MailAddress("erika.mustermann@gmail.com", name: "Erika Mustermann")])
        #expect(message.textBody == "Hallo Frau Schmidt,\n\nanbei das Formular.\n\nBeste Grüße\nErika")
        #expect(message.htmlBody?.contains("Beste Grüße") == true)
        #expect(message.attachments.isEmpty)
        #expect(message.parseProblems.isEmpty)
    }
}

extension MailMessage {
    func text(contains fragment: String) -> Bool { textBody?.contains(fragment) == true }
}
