@testable import Mail
import Testing

/// The SMTP wire format without a server: dot-stuffing of the message and reading of multi-line replies.
@Suite("SMTP wire format")
struct SMTPWireTests {
    @Test("dot-stuffing doubles leading dots, turns bare CR and LF into CRLF and ends with CRLF")
    func dotStuffing() {
        let cases: [(String, String)] = [
            ("a\r\n.b\r\n", "a\r\n..b\r\n"),
            (".\r\n", "..\r\n"),
            ("x\ny\rz", "x\r\ny\r\nz\r\n"),
            ("..", "...\r\n"),
            ("", "\r\n"),
            ("a.b\r\n", "a.b\r\n"),
        ]
        for (input, expected) in cases {
            #expect(String(decoding: DotStuffing.encode(Array(input.utf8)), as: UTF8.self) == expected, "\(input.debugDescription)")
        }
    }

    @Test("replies: single and multi-line, split across reads, bare LF; garbage and endless replies are errors")
    func replies() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("220 mail.example ESMTP\r\n250-mail.example\r\n250-STAR".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 220, lines: ["mail.example ESMTP"]))
        #expect(try parser.nextReply() == nil)
        parser.append(Array("TTLS\n250 AUTH PLAIN LOGIN\r\n354\r\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 250, lines: ["mail.example", "STARTTLS", "AUTH PLAIN LOGIN"]))
        #expect(try parser.nextReply() == SMTPReply(code: 354, lines: [""]))

        for garbage in ["HTTP/1.1 400 Bad Request\r\n", "99 kurz\r\n", "250_x\r\n"] {
            var broken = SMTPReplyParser()
            broken.append(Array(garbage.utf8))
            #expect(throws: SMTPError.self) { try broken.nextReply() }
        }
        var endless = SMTPReplyParser()
        for _ in 0..<2000 { endless.append(Array("250-\(String(repeating: "x", count: 60))\r\n".utf8)) }
        #expect(throws: SMTPError.self) { try endless.nextReply() }
    }

    @Test("5xx to the message or its recipients is permanent; 4xx, EHLO, AUTH and network failures are not")
    func classification() {
        let refused = SMTPReply(code: 550, lines: ["no"])
        let later = SMTPReply(code: 451, lines: ["later"])
        #expect(SMTPError.rejected(command: "RCPT", reply: refused).isPermanent)
        #expect(SMTPError.rejected(command: "end of data", reply: SMTPReply(code: 552, lines: ["too big"])).isPermanent)
        #expect(!SMTPError.rejected(command: "MAIL", reply: later).isPermanent)
        #expect(!SMTPError.rejected(command: "AUTH", reply: SMTPReply(code: 535, lines: ["bad credentials"])).isPermanent)
        #expect(SMTPError.recipientsRejected(["a@b.example": refused]).isPermanent)
        #expect(!SMTPError.recipientsRejected(["a@b.example": refused, "c@d.example": later]).isPermanent)
        #expect(!SMTPError.timeout("x").isPermanent)
        #expect(!SMTPError.connection("x").isPermanent)
    }

    @Test("the settings' description never shows the password")
    func secret() {
        let settings = SMTPSettings(host: "mail.stadt.example", username: "ticketwerk", password: "geheim-123")
        #expect(!"\(settings)".contains("geheim"))
        #expect(settings.port == 587)
    }
}
