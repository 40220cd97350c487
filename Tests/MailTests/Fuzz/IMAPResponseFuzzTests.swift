import NIOCore
import Testing
@testable import Mail

/// Deterministic random mutation of server responses (fixed seed, bounded time): the IMAP framing and response
/// parser never crash or hang on anything a broken or hostile server sends; they answer or throw an `IMAPError`.
@Suite struct IMAPResponseFuzzTests {
    static let samples: [String] = [
        "* OK [CAPABILITY IMAP4rev1 LITERAL+ STARTTLS AUTH=PLAIN] ready\r\n",
        "* 3 FETCH (UID 42 RFC822.SIZE 12 BODY[] {12}\r\nSubject: x\r\n FLAGS (\\Seen))\r\n",
        "* SEARCH 1 2 3 400000\r\n* 5 EXISTS\r\n* OK [UIDVALIDITY 17] ok\r\ntw4 OK [READ-WRITE] Select completed.\r\n",
        "* 1 FETCH (BODY[HEADER.FIELDS (FROM)] \"a \\\"q\\\"\" X NIL Y (1 (2 (3))))\r\n",
        "+ \r\ntw9 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n* BYE bye\r\n",
    ]

    @Test func mutatedResponsesNeverCrash() {
        var random = SplitMix64(seed: 0x494D_4150)
        let corpus = Self.samples.map { Array($0.utf8) }
        let alphabet = Array("(){}[]\"\\ \r\n*+0123456789NILOKBADFETCH".utf8)
        let start = ContinuousClock.now
        var iterations = 0
        while ContinuousClock.now - start < .seconds(2), iterations < 50_000 {
            var bytes = corpus[random.below(corpus.count)]
            for _ in 0...random.below(4) {
                let position = random.below(bytes.count + 1)
                switch random.below(4) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[random.below(alphabet.count)], at: position)
                case 2 where position < bytes.count: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                default: bytes.insert(contentsOf: corpus[random.below(corpus.count)].prefix(random.below(40)), at: position)
                }
            }
            let decoder = NIOSingleStepByteToMessageProcessor(IMAPFrameDecoder(maximumLiteralBytes: 4096))
            var offset = 0
            do {
                while offset < bytes.count {
                    let end = min(bytes.count, offset + 1 + random.below(64))
                    try decoder.process(buffer: ByteBuffer(bytes: bytes[offset..<end])) { _ = try? IMAPResponseParser.parse($0) }
                    offset = end
                }
            } catch {
                #expect(error is IMAPError, "\(error)")
            }
            iterations += 1
        }
        #expect(iterations >= 500, "only \(iterations) responses in 2 s")
    }
}
