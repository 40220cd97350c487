import NIOCore
import Testing
@testable import Mail

@Suite("IMAP responses: framing and parsing as real servers send them")
struct IMAPResponseParsingTests {
    /// Feeds `bytes` to a decoder in chunks of `chunk` bytes and parses every record.
    static func responses(_ text: [UInt8], chunk: Int, literalLimit: Int = 1 << 20) throws -> [IMAPResponse] {
        let processor = NIOSingleStepByteToMessageProcessor(IMAPFrameDecoder(maximumLiteralBytes: literalLimit))
        var output: [IMAPResponse] = []
        var offset = 0
        while offset < text.count {
            let end = min(offset + chunk, text.count)
            try processor.process(buffer: ByteBuffer(bytes: text[offset..<end])) { output.append(try IMAPResponseParser.parse($0)) }
            offset = end
        }
        return output
    }

    @Test("a FETCH with a literal holding CRLF, braces and a fake tagged line arrives whole, however the bytes are split", arguments: [1, 7, 4096])
    func literalsSurviveAnySplit(chunk: Int) throws {
        let message = Array("Subject: {5}\r\ntw1 OK not the end\r\n\r\n)\r\n".utf8)
        let wire = Array("* 3 FETCH (UID 42 RFC822.SIZE \(message.count) BODY[] {\(message.count)}\r\n".utf8) + message
            + Array(" FLAGS (\\Seen $Forwarded))\r\ntw7 ok Fetch completed.\r\n".utf8)
        let parsed = try Self.responses(wire, chunk: chunk)
        #expect(parsed.count == 2)
        guard case .untagged(.fetch(let sequence, let attributes)) = parsed.first else {
            Issue.record("not a FETCH: \(parsed)")
            return
        }
        #expect(sequence == 3)
        #expect(attributes["UID"]?.number == 42)
        #expect(attributes["BODY[]"]?.bytes == message)
        #expect(attributes["FLAGS"] == .list([.atom("\\Seen"), .atom("$Forwarded")]))
        #expect(parsed.last == .tagged(tag: "tw7", status: .ok, text: IMAPResponseText(code: nil, text: "Fetch completed.")))
    }

    @Test("greetings, response codes, SEARCH, EXISTS, continuations and unknown data")
    func untaggedKinds() throws {
        let wire = Array("""
            * OK [CAPABILITY IMAP4rev1 LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.\r
            * 4 EXISTS\r
            * OK [UIDVALIDITY 1795818834] UIDs valid\r
            * FLAGS (\\Answered \\Deleted)\r
            * SEARCH 2 10 7\r
            * SEARCH\r
            + \r
            * BYE shutting down\r

            """.utf8)
        let parsed = try Self.responses(wire, chunk: 5)
        #expect(parsed == [
            .untagged(.condition(.ok, IMAPResponseText(code: "CAPABILITY IMAP4rev1 LITERAL+ STARTTLS AUTH=PLAIN", text: "Dovecot ready."))),
            .untagged(.exists(4)),
            .untagged(.condition(.ok, IMAPResponseText(code: "UIDVALIDITY 1795818834", text: "UIDs valid"))),
            .untagged(.other("FLAGS")),
            .untagged(.search([2, 10, 7])),
            .untagged(.search([])),
            .continuation(""),
            .untagged(.condition(.bye, IMAPResponseText(code: nil, text: "shutting down"))),
        ])
    }

    @Test("quoted strings with escapes, NIL and bracketed sections with spaces")
    func values() throws {
        let wire = Array("* 1 FETCH (UID 5 BODY[HEADER.FIELDS (FROM TO)] \"a \\\"b\\\" \\\\c\" X-GM-LABELS NIL)\r\n".utf8)
        guard case .untagged(.fetch(_, let attributes)) = try Self.responses(wire, chunk: 100).first else {
            Issue.record("not a FETCH")
            return
        }
        #expect(attributes["BODY[HEADER.FIELDS (FROM TO)]"]?.bytes == Array("a \"b\" \\c".utf8))
        #expect(attributes["X-GM-LABELS"] == .nil)
    }

    @Test("a literal over the limit, an unclosed list and a line without status are protocol violations")
    func violations() {
        #expect(throws: IMAPError.protocolViolation("a literal of 2000 bytes is larger than 1000")) {
            try Self.responses(Array("* 1 FETCH (BODY[] {2000}\r\n".utf8), chunk: 64, literalLimit: 1000)
        }
        #expect(throws: IMAPError.protocolViolation("a list is not closed")) {
            try Self.responses(Array("* 1 FETCH (UID 4\r\n".utf8), chunk: 64)
        }
        #expect(throws: IMAPError.self) {
            try Self.responses(Array("tw1 MAYBE\r\n".utf8), chunk: 64)
        }
    }

    @Test("UID sets collapse runs; mailbox names go out in modified UTF-7")
    func commandArguments() {
        #expect(IMAPConnection.set([9, 3, 4, 5, 11, 12, 4]) == "3:5,9,11:12")
        #expect(IMAPMailboxName.encode("Erledigt/Bürger & Co") == "Erledigt/B&APw-rger &- Co")
        #expect(IMAPMailboxName.encode("日本") == "&ZeVnLA-")
    }
}
