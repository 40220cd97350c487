import Foundation
import Mail

/// Outgoing messages that must come back unchanged through our parser and Python's `email` package.
enum RoundTripSamples {
    static let servicedesk = MailAddress("servicedesk@stadt.example", name: "IT-Servicedesk")

    static var all: [(name: String, mail: OutgoingMail)] {
        var plain = OutgoingMail(from: servicedesk, to: [MailAddress("hans@stadt.example")], subject: "Ihre Anfrage",
                                 text: "Guten Tag,\n\nwir melden uns.\n")
        plain.date = Date(timeIntervalSince1970: 1_705_306_363)

        var german = OutgoingMail(
            from: MailAddress("servicedesk@stadt.example", name: "Amt für Digitalisierung"),
            to: [MailAddress("hans.mueller@stadt.example", name: "Müller, Hans"), MailAddress("petra@stadt.example")],
            cc: [MailAddress("juergen@stadt.example", name: "Jürgen Weiß")],
            bcc: [MailAddress("archiv@stadt.example")],
            subject: "[Ticket#2024011510000012] Drucker im Büro 3.OG – Rückfrage",
            text: "Sehr geehrter Herr Müller,\n\nbitte prüfen Sie, ob der Toner eingesetzt ist.\n\nMit freundlichen Grüßen\nIT-Servicedesk\n",
            attachments: [
                OutgoingAttachment(filename: "Prüfprotokoll für den Drucker im Büro 3.OG – Januar 2024.pdf",
                                   contentType: "application/pdf", bytes: TestBytes.pseudoRandom(count: 5_000, seed: 1)),
                OutgoingAttachment(filename: "notiz.txt", contentType: "text/plain", bytes: Array("Notiz\n".utf8)),
            ])
        german.replyTo = [MailAddress("antwort@stadt.example")]

        var html = OutgoingMail(
            from: servicedesk, to: [MailAddress("petra.schmidt@stadt.example", name: "Petra Schmidt")],
            subject: "Re: Fehlermeldung beim Anmelden",
            text: "Hallo Frau Schmidt,\n\ndas Passwort ist zurückgesetzt.\n",
            html: "<p>Hallo Frau Schmidt,</p><p>das Passwort ist <b>zurückgesetzt</b>.</p><img src=\"cid:logo@stadt.example\">",
            attachments: [
                OutgoingAttachment(filename: "logo.png", contentType: "image/png",
                                   bytes: TestBytes.pseudoRandom(count: 700, seed: 2), contentID: "logo@stadt.example"),
                OutgoingAttachment(filename: "Anleitung.pdf", contentType: "application/pdf",
                                   bytes: TestBytes.pseudoRandom(count: 1_234, seed: 3)),
            ])
        html.inReplyTo = ["8E2F1C3A-9B4D-4E6F-A1B2-C3D4E5F6A7B8@stadt.example"]
        html.references = ["8E2F1C3A-9B4D-4E6F-A1B2-C3D4E5F6A7B8@stadt.example"]
        html.autoSubmitted = .autoReplied

        let international = OutgoingMail(
            from: servicedesk, to: [MailAddress("ivan@stadt.example", name: "Иван Петров")],
            subject: "Ответ: ваш запрос 🖨️ — 日本語の件名",
            text: "Здравствуйте!\n\nВаш запрос обработан.\n",
            attachments: [OutgoingAttachment(filename: "отчёт.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                             bytes: TestBytes.pseudoRandom(count: 300, seed: 4))])

        let hostile = OutgoingMail(
            from: MailAddress("servicedesk@stadt.example", name: "Servicedesk\r\nBcc: opfer@evil.example"),
            to: [MailAddress("a@stadt.example", name: "\"Quote\" \\ Backslash, Komma; Semikolon <spitz>")],
            subject: "Hallo\r\nBcc: opfer@evil.example\r\n\r\n=?utf-8?Q?fake?= " + String(repeating: "lang", count: 300),
            text: "Zeile mit Leerzeichen am Ende   \nFrom the start\n.\n" + String(repeating: "x", count: 1_500) + "\n--=_tw_fake\n",
            attachments: [OutgoingAttachment(filename: "..\\..\\\"böse\"\r\n.exe", contentType: "application/x-msdownload", bytes: [0])])

        let empty = OutgoingMail(from: servicedesk, to: [MailAddress("a@stadt.example")], subject: "", text: "")

        return [("plain", plain), ("German", german), ("HTML", html), ("international", international),
                ("hostile", hostile), ("empty", empty)]
    }

    /// What a reader must see for `mail`: the subject and names cleaned as the composer cleans them.
    static func expectedSubject(_ mail: OutgoingMail) -> String { cleaned(mail.subject) }

    static func expectedName(_ address: MailAddress) -> String? {
        guard let name = address.name else { return nil }
        let trimmed = cleaned(name).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The file name as sent: without directories and control characters.
    static func expectedFilename(_ name: String) -> String {
        let spaced = cleaned(name)
        let base = spaced.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? spaced
        return base.trimmingCharacters(in: .whitespaces)
    }

    static func expectedText(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func cleaned(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : Character($0) })
    }
}
