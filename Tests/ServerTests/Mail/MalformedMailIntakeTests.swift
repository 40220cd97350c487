import Foundation
import Testing

/// The bad-input corpus end to end: every hostile message becomes a ticket with what could be recovered and the
/// raw message as `original.eml`, or a clear 413 that stores nothing — on both databases, never a 5xx or a hang.
/// (The parser's own corpus and mutation fuzzing live in Tests/MailTests.)
@Suite("Malformed and huge mail through the intake")
struct MalformedMailIntakeTests {
    static func crlf(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    static let header = "From: Erika Muster <erika@stadt.example>\nTo: servicedesk@stadt.example\nMessage-ID: <\(UUID().uuidString)@stadt.example>\n"

    /// Name, raw bytes, and a text the ticket's first article must contain (none for the nesting beyond the
    /// parser's depth limit, whose innermost text is kept as an attachment).
    static var corpus: [(name: String, raw: [UInt8], text: String)] {
        var nested = header + "Subject: tief verschachtelt\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
        for level in 1..<120 { nested += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=\"b\(level)\"\n\n" }
        nested += "--b119\nContent-Type: text/plain\n\nganz unten\n"
        var manyParts = header + "Subject: tausend Teile\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nDie Liste.\n"
        for index in 0..<1000 {
            manyParts += "--x\nContent-Type: text/plain; name=\"teil-\(index).txt\"\nContent-Disposition: attachment; filename=\"teil-\(index).txt\"\n\nTeil \(index)\n"
        }
        manyParts += "--x--\n"
        let latin1: [UInt8] = Array((header + "Subject: Gr").utf8) + [0xFC, 0xDF, 0x65] + Array("\nContent-Type: text/plain\n\nStra".utf8) + [0xDF, 0x65, 0x0A]
        return [
            ("broken boundary", crlf(header + "Subject: Grenze kaputt\nContent-Type: multipart/mixed; boundary=\"nie\"\n\n--anders\nContent-Type: text/plain\n\nText hinter falscher Grenze\n--anders\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"), "Text hinter falscher Grenze"),
            ("invalid base64", crlf(header + "Subject: Base64\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGFsbG8g!!!V2VsdA\n"), "Hallo"),
            ("wrong charset", crlf(header + "Subject: =?utf-8?q?Zeichensatz?=\nContent-Type: text/plain; charset=x-unbekannt\n\nUmlaute: \u{00E4}\u{00F6}\u{00FC}\n"), "Umlaute"),
            ("8-bit headers", latin1, "Stra"),
            ("NUL bytes", crlf(header + "Subject: Null\u{0}byte\nContent-Type: text/plain\n\nText mit\u{0} NUL.\n"), "NUL"),
            ("deep nesting", crlf(nested), ""),
            ("1,000 parts", crlf(manyParts), "Die Liste."),
        ]
    }

    @Test("each malformed message becomes a ticket with its raw message kept", arguments: TestBackend.available)
    func corpusBecomesTickets(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            for (name, raw, text) in Self.corpus {
                let filed = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: raw)
                #expect(filed.status == .created, "\(name): \(filed.status)")
                guard let id = filed.object.int("ticketId") else { continue }
                let articles = try await client.call(.get, "/api/v1/tickets/\(id)/articles", token: system.adminToken)
                let body = articles.items.first?.string("bodyText") ?? ""
                #expect(text.isEmpty || body.contains(text), "\(name): \(body.prefix(200))")
                let attachments = try await client.call(.get, "/api/v1/tickets/\(id)/attachments", token: system.adminToken)
                let original = attachments.items.first { $0.string("filename") == "original.eml" }
                #expect(original?.int("size") == Int64(raw.count), "\(name): raw message kept whole")
            }
        }
    }

    @Test("a 20 MB attachment is filed; a message over 50 MB is refused with 413 and stores nothing", arguments: TestBackend.available)
    func sizes(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let payload = [UInt8](repeating: 0xA5, count: 20 * 1024 * 1024)
            let encoded = Data(payload).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            let large = Self.crlf(Self.header + "Subject: Großer Anhang\nContent-Type: multipart/mixed; boundary=\"g\"\n\n--g\nContent-Type: text/plain\n\nSiehe Anhang.\n--g\nContent-Type: application/octet-stream; name=\"daten.bin\"\nContent-Transfer-Encoding: base64\n\n")
                + Array(encoded.utf8) + Self.crlf("\n--g--\n")
            let filed = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: large)
            #expect(filed.status == .created)
            let id = try #require(filed.object.int("ticketId"))
            let attachments = try await client.call(.get, "/api/v1/tickets/\(id)/attachments", token: system.adminToken)
            #expect(attachments.items.first { $0.string("filename") == "daten.bin" }?.int("size") == Int64(payload.count))

            let tickets = try await system.count("tickets")
            let huge = Self.crlf(Self.header + "Subject: zu groß\n\n") + [UInt8](repeating: 0x41, count: 51 * 1024 * 1024)
            let refused = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: huge)
            #expect(refused.status == .contentTooLarge && refused.isProblem)
            #expect(try await system.count("tickets") == tickets)
        }
    }
}
