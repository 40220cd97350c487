import Foundation
import Mail
import Testing

/// Deterministic random mutation of the corpus (fixed seed, bounded time): the parser never crashes, never
/// hangs, stays fast, and its results keep their promises; composed mail never lets text become headers.
///
/// `TICKETWERK_MAIL_FUZZ_SECONDS` and `TICKETWERK_MAIL_FUZZ_SEED` run it longer or with another seed, e.g.
/// `swift test -c release --filter MutationFuzz` for a deeper search.
@Suite struct MutationFuzzTests {
    private static let environment = ProcessInfo.processInfo.environment
    private static let budget: Duration = .seconds(environment["TICKETWERK_MAIL_FUZZ_SECONDS"].flatMap(Int.init) ?? 4)
    private static let seed = environment["TICKETWERK_MAIL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5469_636B_6574_7765

    @Test func mutatedMessagesParseSafelyAndQuickly() {
        var random = SplitMix64(seed: Self.seed)
        let corpus = Corpus.all.map(\.bytes)
        let start = ContinuousClock.now
        var iterations = 0
        var slowest: Duration = .zero
        while ContinuousClock.now - start < Self.budget, iterations < 100_000 {
            var bytes = corpus[random.below(corpus.count)]
            for _ in 0...random.below(3) { Self.mutate(&bytes, using: &random, corpus: corpus) }

            let parseStart = ContinuousClock.now
            let message = MIMEParser.parse(bytes)
            let summary = Self.exercise(message)
            let elapsed = ContinuousClock.now - parseStart
            slowest = max(slowest, elapsed)

            if let broken = Self.brokenPromise(message, input: bytes) {
                Issue.record("iteration \(iterations): \(broken); input: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
                break
            }
            _ = summary
            iterations += 1
        }
        #expect(iterations >= 200, "only \(iterations) messages in \(Self.budget)")
        #expect(slowest < .seconds(2), "slowest message took \(slowest)")
    }

    @Test func composedMailNeverGainsHeaders() throws {
        var random = SplitMix64(seed: 42)
        let start = ContinuousClock.now
        var iterations = 0
        while ContinuousClock.now - start < .seconds(1), iterations < 2_000 {
            var mail = OutgoingMail(
                from: MailAddress("servicedesk@stadt.example", name: Self.randomText(using: &random)),
                to: [MailAddress("a@stadt.example", name: Self.randomText(using: &random)), MailAddress("b@stadt.example")],
                subject: Self.randomText(using: &random),
                text: Self.randomText(using: &random),
                attachments: [OutgoingAttachment(filename: Self.randomText(using: &random), contentType: "text/plain",
                                                 bytes: Array(Self.randomText(using: &random).utf8))])
            mail.extraHeaders = [("X-Fuzz", Self.randomText(using: &random))]
            let composed = try MailComposer().compose(mail)
            let message = MIMEParser.parse(composed.bytes)
            let names = message.headers.map { $0.name.lowercased() }
            let expectedNames = ["date", "from", "to", "subject", "message-id", "x-fuzz", "mime-version", "content-type"]
            if names != expectedNames
                || message.subject != Self.cleaned(mail.subject)
                || message.headers["X-Fuzz"] != Self.cleaned(mail.extraHeaders[0].value)
                || message.to.map(\.address) != ["a@stadt.example", "b@stadt.example"]
                || message.textBody != Self.normalized(mail.text) && !(mail.text.isEmpty && message.textBody == nil)
                || message.attachments.map(\.bytes) != mail.attachments.map(\.bytes)
                || !message.parseProblems.isEmpty {
                Issue.record("""
                    iteration \(iterations): \(names) \(message.subject.debugDescription) \(message.parseProblems)
                    subject \(mail.subject.debugDescription)
                    \(String(decoding: composed.bytes.prefix(1_500), as: UTF8.self))
                    """)
                break
            }
            iterations += 1
        }
        #expect(iterations >= 100)
    }

    // MARK: Mutations

    private static let tokens: [[UInt8]] = [
        "\r\n", "\n", "\r", "\0", "--", "=?", "?=", "=", "\r\n\r\n", ";", "\"", "<", ">", "=?utf-8?B?", "=?iso-8859-1?Q?",
        "Content-Type: multipart/mixed; boundary=x\r\n\r\n", "\r\n--x\r\n", "\r\n--x--\r\n", "\r\n ", "\t", "(", ")",
        "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "=C3", "=\r\n",
        "Content-Type: message/rfc822\r\n\r\n", "Content-Type: message/delivery-status\r\n\r\n", "filename*0*=utf-8''%C3",
        "<html><head><!--", "&#x", "&auml", "\u{FF}\u{FE}",
    ].map { Array($0.utf8) }

    static func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64, corpus: [[UInt8]]) {
        let position = random.below(bytes.count + 1)
        switch random.below(11) {
        case 0:  // flip bytes
            for _ in 0...random.below(8) where !bytes.isEmpty {
                bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            }
        case 1:  // insert a token that means something to the parser
            bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
        case 2:  // delete a range
            let length = min(bytes.count - position, 1 + random.below(max(1, bytes.count / 5)))
            bytes.removeSubrange(position..<(position + length))
        case 3:  // truncate
            bytes.removeSubrange(position...)
        case 4:  // duplicate boundary lines
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let delimiters = lines.filter { $0.starts(with: [0x2D, 0x2D]) }
            if let line = delimiters.randomElement(using: &random) {
                for _ in 0...random.below(20) {
                    let at = random.below(bytes.count + 1)
                    bytes.insert(contentsOf: [0x0A] + Array(line) + [0x0A], at: at)
                }
            }
        case 5:  // a giant header or a header folded thousands of times
            let giant = random.below(2) == 0
                ? Array("X-Giant: ".utf8) + [UInt8](repeating: 0x61, count: 100_000 + random.below(200_000)) + [0x0D, 0x0A]
                : Array("X-Folded: a".utf8) + Array(String(repeating: "\r\n b", count: 5_000 + random.below(5_000)).utf8) + [0x0D, 0x0A]
            bytes.insert(contentsOf: giant, at: 0)
        case 6:  // splice two messages
            let other = corpus[random.below(corpus.count)]
            bytes = Array(bytes.prefix(position)) + Array(other.suffix(random.below(other.count + 1)))
        case 7:  // change line endings
            switch random.below(3) {
            case 0: bytes = bytes.filter { $0 != 0x0D }
            case 1: bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
            default: bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            }
        case 8:  // repeat a chunk many times (many parts, many lines)
            let length = min(bytes.count - position, 1 + random.below(200))
            let chunk = Array(bytes[position..<(position + length)])
            let copies = repeatElement(chunk, count: 1 + random.below(2_000)).flatMap { $0 }
            bytes.insert(contentsOf: copies, at: position)
        case 9:  // random bytes
            bytes.insert(contentsOf: (0...random.below(32)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        default:  // wrap in many levels of multipart
            var wrapped: [UInt8] = []
            let levels = 1 + random.below(70)
            for level in 0..<levels {
                wrapped += Array("Content-Type: multipart/mixed; boundary=\"w\(level)\"\r\n\r\n--w\(level)\r\n".utf8)
            }
            bytes = wrapped + bytes
        }
    }

    /// Uses everything a caller would: convenience properties, attachments, embedded messages.
    private static func exercise(_ message: MailMessage) -> Int {
        var total = (message.subject?.count ?? 0) + message.from.count + message.to.count + message.cc.count
        total += message.replyTo.count + (message.date == nil ? 0 : 1) + (message.messageID?.count ?? 0)
        total += message.inReplyTo.count + message.references.count + (message.autoSubmitted?.count ?? 0)
        total += (message.precedence?.count ?? 0) + (message.hasListHeaders ? 1 : 0) + (message.listID?.count ?? 0)
        total += (message.textBody?.count ?? 0) + (message.htmlBody?.count ?? 0)
        total += message.deliveryReport?.recipients.count ?? 0
        for attachment in message.attachments.prefix(20) {
            total += attachment.suggestedFilename.count
            if let embedded = attachment.embeddedMessage() { total += embedded.attachments.count + (embedded.textBody?.count ?? 0) }
        }
        return total
    }

    /// What the parser promised and did not keep, if anything.
    private static func brokenPromise(_ message: MailMessage, input: [UInt8]) -> String? {
        if message.raw != input { return "raw bytes changed" }
        if message.attachments.reduce(0, { $0 + $1.size }) > input.count { return "attachments larger than the message" }
        if message.textBody?.utf8.contains(0) == true || message.htmlBody?.utf8.contains(0) == true { return "NUL in text" }
        for field in message.headers where field.value.utf8.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) {
            return "line break or NUL in header \(field.name)"
        }
        if message.parseProblems.count > 51 { return "\(message.parseProblems.count) problems" }
        if message.structure.bodyRange.upperBound > input.count { return "body range outside the message" }
        return nil
    }

    // MARK: Random text

    private static let alphabet: [String] = [
        "a", "Z", "0", " ", "  ", "\r", "\n", "\r\n", "\t", "\0", "\u{7F}", "\u{85}", "\u{2028}", "ä", "ß", "€", "😀", "日",
        "\"", "'", "\\", "=?", "?=", "=?utf-8?Q?x?=", "<", ">", ",", ";", ":", "(", ")", "@", "=", "_", "-", ".", "/",
        "Bcc: x@evil.example", "From ", "--=_tw_", String(repeating: "x", count: 90),
    ]

    static func randomText(using random: inout SplitMix64) -> String {
        (0..<random.below(40)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
    }

    /// A header text as the composer writes it and the parser reads it back: control characters as spaces,
    /// surrounding spaces gone.
    static func cleaned(_ text: String) -> String {
        let spaced = String(text.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
                ? " " : Character(scalar)
        })
        return String(spaced.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// A text body as it comes back: line breaks as `\n`, no NUL.
    static func normalized(_ text: String) -> String {
        var result = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\r": result.unicodeScalars.append("\n")
            case "\n" where previousCR: continue
            case "\0": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
