import Foundation
import Mail
import Testing

/// Big and pathological messages: they parse completely or degrade within the limits, in bounded time.
@Suite struct LargeMessageTests {
    @Test func thousandParts() {
        var text = "Subject: Tausend Anlagen\nContent-Type: multipart/mixed; boundary=\"many\"\n\n"
        text += "--many\nContent-Type: text/plain\n\nSiehe Anlagen.\n"
        for index in 1...1_000 {
            text += "--many\nContent-Type: text/plain; name=\"datei-\(index).txt\"\n"
            text += "Content-Disposition: attachment; filename=\"datei-\(index).txt\"\n\nInhalt \(index)\n"
        }
        text += "--many--\n"
        let message = MIMEParser.parse(TestBytes.lf(text))
        #expect(message.textBody == "Siehe Anlagen.")
        #expect(message.attachments.count == 1_000)
        #expect(message.attachments.first?.filename == "datei-1.txt")
        #expect(message.attachments.last?.filename == "datei-1000.txt")
        #expect(message.attachments.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "Inhalt 1000")
        #expect(message.parseProblems.isEmpty)
    }

    @Test func twentyMegabyteAttachment() throws {
        let content = TestBytes.pseudoRandom(count: 20 * 1024 * 1024, seed: 20)
        var message = TestBytes.crlf("""
        From: Bauamt <bauamt@stadt.example>
        To: servicedesk@stadt.example
        Subject: =?utf-8?Q?Pl=C3=A4ne_Neubau?=
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="big"

        --big
        Content-Type: text/plain; charset=utf-8

        Die Pläne im Anhang.
        --big
        Content-Type: application/octet-stream; name="plaene.zip"
        Content-Disposition: attachment; filename="plaene.zip"
        Content-Transfer-Encoding: base64


        """)
        message += Array(TestBytes.base64Lines(content).utf8)
        message += TestBytes.crlf("\n--big--\n")

        let start = ContinuousClock.now
        let parsed = MIMEParser.parse(message)
        let elapsed = ContinuousClock.now - start
        #expect(parsed.subject == "Pläne Neubau")
        #expect(parsed.textBody == "Die Pläne im Anhang.")
        let attachment = try #require(parsed.attachments.first)
        #expect(attachment.filename == "plaene.zip")
        #expect(attachment.size == content.count)
        #expect(attachment.bytes == content)
        #expect(parsed.parseProblems.isEmpty)
        #expect(elapsed < .seconds(20), "20 MB took \(elapsed)")
    }

    @Test func nestingBeyondTheDepthLimitIsKeptWhole() throws {
        let depth = 80
        var text = "Subject: Tief\n"
        for level in 0..<depth {
            text += "Content-Type: multipart/mixed; boundary=\"level\(level)\"\n\n--level\(level)\n"
        }
        text += "Content-Type: text/plain\n\nGanz unten.\n"
        for level in (0..<depth).reversed() { text += "--level\(level)--\n" }
        let message = MIMEParser.parse(TestBytes.lf(text))
        #expect(message.parseProblems.contains { $0.contains("nested deeper than 50") })
        let kept = try #require(message.attachments.first)
        #expect(message.attachments.count == 1)
        #expect(kept.contentType.mimeType == "message/rfc822")
        #expect(String(decoding: kept.bytes, as: UTF8.self).contains("Ganz unten."))
    }

    @Test func partsBeyondTheLimitAreKeptTogether() {
        var text = "Subject: Zu viele\nContent-Type: multipart/mixed; boundary=\"p\"\n\n"
        for index in 1...6_000 { text += "--p\nContent-Type: text/plain; name=\"t\(index).txt\"\n\n\(index)\n" }
        text += "--p--\n"
        let message = MIMEParser.parse(TestBytes.lf(text))
        #expect(message.parseProblems.contains { $0.contains("more than 5000 MIME parts") })
        // 4,999 parts parsed (the message counts too), the rest in one attachment.
        #expect(message.attachments.count == 5_000)
        #expect(message.attachments[4_998].filename == "t4999.txt")
        let rest = String(decoding: message.attachments.last?.bytes ?? [], as: UTF8.self)
        #expect(rest.hasPrefix("Content-Type: text/plain; name=\"t5000.txt\""))
        #expect(rest.hasSuffix("6000"))
    }

    @Test func hostileInputsTakeLinearTime() {
        // Lines that look like delimiters of 50 open multiparts whose boundaries share a long prefix.
        let prefix = String(repeating: "x", count: 150)
        var nested = "Subject: Fast-Grenzen\n"
        for level in 0..<50 { nested += "Content-Type: multipart/mixed; boundary=\"\(prefix)\(level)\"\n\n--\(prefix)\(level)\n" }
        nested += "\n" + String(repeating: "--\(prefix)\n", count: 20_000)
        // A 4 MB header line, 100,000 headers, and 200,000 encoded words.
        let giantHeader = "Subject: " + String(repeating: "a", count: 4_000_000) + "\n\nText"
        let manyHeaders = String(repeating: "X-H: v\n", count: 100_000) + "\nText"
        let manyWords = "Subject: " + String(repeating: "=?utf-8?q?a?= ", count: 200_000) + "\n\nText"
        // An HTML body of unclosed tags and comments.
        let html = "Content-Type: text/html\n\n" + String(repeating: "<head><!-- <a href=\"", count: 100_000)

        for input in [nested, giantHeader, manyHeaders, manyWords, html] {
            let start = ContinuousClock.now
            let message = MIMEParser.parse(TestBytes.lf(input))
            _ = (message.subject, message.textBody)
            #expect(ContinuousClock.now - start < .seconds(10))
        }
        let cut = MIMEParser.parse(TestBytes.lf(giantHeader))
        #expect((MIMEParser.maximumHeaderValueLength - 10...MIMEParser.maximumHeaderValueLength).contains(cut.subject?.utf8.count ?? 0))
        #expect(cut.parseProblems.contains { $0.contains("header field longer than") })
        #expect(MIMEParser.parse(TestBytes.lf(manyHeaders)).headers.count == MIMEParser.maximumHeaderFields)
    }
}
