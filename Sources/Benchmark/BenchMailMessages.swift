import Domain
import Foundation
import Store

/// Inbound mails for the `mail_intake_throughput` figure: about 5 KB each, German or English texts from the
/// seeded vocabulary, UTF-8 with an RFC 2047 subject; every fourth carries a small base64 attachment.
/// Follow-ups answer by `In-Reply-To` a mail filed before the phase, or name a seeded ticket in the subject.
struct BenchMailMessages {
    let text = HelpDeskText()
    let seed: UInt64

    /// A mail that opens a ticket.
    func newMail(_ index: Int, from sender: String, _ random: inout SeededRandom) -> (raw: [UInt8], messageID: String) {
        let voice = text.voice(for: text.person(&random), &random)
        let messageID = "bench-\(seed)-\(index)@stadt.example"
        let raw = message(messageID: messageID, from: sender, subject: text.title(voice, &random), extraHeaders: [],
                          body: text.longMessage(voice, minimumLength: 4_500, &random), attachment: index % 4 == 0, &random)
        return (raw, messageID)
    }

    /// A reply to a ticket: by Message-ID when `inReplyTo` is given, else by the ticket number in the subject.
    func followUp(_ index: Int, from sender: String, inReplyTo: String?, ticketNumber: String?, _ random: inout SeededRandom) -> [UInt8] {
        let voice = text.voice(for: text.person(&random), &random)
        var subject = "AW: " + text.title(voice, &random)
        if let ticketNumber { subject = "Re: [Ticket#\(ticketNumber)] " + subject }
        var body = text.customerReply(voice, &random)
        while body.utf8.count < 4_500 { body += "\n> " + text.customerMessage(voice, &random).replacingOccurrences(of: "\n", with: "\n> ") }
        return message(messageID: "bench-\(seed)-\(index)@stadt.example", from: sender, subject: subject,
                       extraHeaders: inReplyTo.map { ["In-Reply-To: <\($0)>", "References: <\($0)>"] } ?? [],
                       body: body, attachment: index % 4 == 1, &random)
    }

    private func message(
        messageID: String, from sender: String, subject: String, extraHeaders: [String], body: String, attachment: Bool,
        _ random: inout SeededRandom
    ) -> [UInt8] {
        var lines = [
            "Return-Path: <\(sender)>", "From: <\(sender)>", "To: IT-Servicedesk <servicedesk@stadt.example>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=", "Date: Fri, 27 Nov 2026 09:15:00 +0100",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
        ] + extraHeaders
        let text = body.replacingOccurrences(of: "\n", with: "\r\n")
        if attachment {
            let bytes = (0..<1_200).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            lines += ["Content-Type: multipart/mixed; boundary=\"bench-boundary\"", "", "--bench-boundary",
                      "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", text, "--bench-boundary",
                      "Content-Type: application/pdf; name=\"protokoll.pdf\"", "Content-Disposition: attachment; filename=\"protokoll.pdf\"",
                      "Content-Transfer-Encoding: base64", "", encoded, "--bench-boundary--", ""]
        } else {
            lines += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", text, ""]
        }
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
