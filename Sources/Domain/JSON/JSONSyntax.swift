/// A strict check of JSON text (RFC 8259) that builds nothing: every request body passes it before it is decoded,
/// because `JSONDecoder` reads lazily and lets malformed parts of values it ignores through.
///
/// `JSONSerialization` did this before and built the whole object graph to do it, a twentieth of the CPU a new ticket
/// costs. Beyond the grammar it refuses escapes of lone UTF-16 surrogates and nesting deeper than `maxDepth`.
public enum JSONSyntax {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    /// What the check found beyond well-formed text.
    public struct Findings: Sendable, Equatable {
        /// Whether a string or key holds an escaped U+0000 (`\u0000`).
        public var hasEscapedNUL = false
    }

    /// Why the text is not JSON: what was expected, and the byte offset where it was not found.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let expected: String
        public let offset: Int
        public var description: String { "\(expected) expected at byte \(offset)" }
    }

    /// Checks that `bytes` hold exactly one JSON value, with optional whitespace around it.
    public static func check(_ bytes: some Collection<UInt8>) throws(Failure) -> Findings {
        let text = Array(bytes)
        var reader = Reader(bytes: text)
        reader.skipWhitespace()
        try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.offset == text.count else { throw reader.failure("the end of the text") }
        return reader.findings
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var findings = Findings()

        private var next: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        func failure(_ expected: String) -> Failure { Failure(expected: expected, offset: offset) }

        mutating func skipWhitespace() {
            while let byte = next, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
        }

        mutating func value(depth: Int) throws(Failure) {
            guard let byte = next else { throw failure("a value") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw failure("a value")
            }
        }

        private mutating func object(depth: Int) throws(Failure) {
            try members(depth: depth, closedBy: "}") { reader throws(Failure) in
                guard reader.next == UInt8(ascii: "\"") else { throw reader.failure("a key in quotes") }
                try reader.string()
                reader.skipWhitespace()
                try reader.expect(":")
                reader.skipWhitespace()
                try reader.value(depth: depth)
            }
        }

        private mutating func array(depth: Int) throws(Failure) {
            try members(depth: depth, closedBy: "]") { reader throws(Failure) in try reader.value(depth: depth) }
        }

        /// The comma-separated members of an object or array, from its opening bracket to `close`.
        private mutating func members(
            depth: Int, closedBy close: Unicode.Scalar, _ member: (inout Reader) throws(Failure) -> Void
        ) throws(Failure) {
            guard depth <= JSONSyntax.maxDepth else { throw failure("at most \(JSONSyntax.maxDepth) levels of nesting") }
            offset += 1
            skipWhitespace()
            if next == UInt8(ascii: close) {
                offset += 1
                return
            }
            while true {
                try member(&self)
                skipWhitespace()
                guard next == UInt8(ascii: ",") else { return try expect(close) }
                offset += 1
                skipWhitespace()
            }
        }

        /// A string; the text is valid UTF-8 already, so only quotes, escapes and control characters matter.
        private mutating func string() throws(Failure) {
            offset += 1
            while let byte = next {
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return
                case UInt8(ascii: "\\"):
                    try escape()
                case ..<0x20:
                    offset -= 1
                    throw failure("no control character inside a string")
                default:
                    continue
                }
            }
            throw failure("the closing quote of a string")
        }

        private mutating func escape() throws(Failure) {
            guard let byte = next else { throw failure("an escaped character") }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                return
            case UInt8(ascii: "u"):
                let unit = try hexUnit()
                if unit == 0 { findings.hasEscapedNUL = true }
                if (0xDC00...0xDFFF).contains(unit) { throw failure("a high surrogate before a low one") }
                guard (0xD800...0xDBFF).contains(unit) else { return }
                guard next == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure("a low surrogate after a high one")
                }
                offset += 2
                guard (0xDC00...0xDFFF).contains(try hexUnit()) else { throw failure("a low surrogate after a high one") }
            default:
                offset -= 1
                throw failure("a valid escape")
            }
        }

        private mutating func hexUnit() throws(Failure) -> UInt16 {
            var unit: UInt16 = 0
            for _ in 0..<4 {
                guard let byte = next else { throw failure("four hexadecimal digits") }
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw failure("four hexadecimal digits")
                }
                unit = unit << 4 | UInt16(digit)
                offset += 1
            }
            return unit
        }

        private mutating func number() throws(Failure) {
            if next == UInt8(ascii: "-") { offset += 1 }
            if next == UInt8(ascii: "0") {
                offset += 1
            } else {
                try digits()
            }
            if next == UInt8(ascii: ".") {
                offset += 1
                try digits()
            }
            if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                offset += 1
                if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { offset += 1 }
                try digits()
            }
        }

        private mutating func digits() throws(Failure) {
            guard let first = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw failure("a digit") }
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        }

        private mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard offset + count <= bytes.count,
                  word.withUTF8Buffer({ $0.elementsEqual(bytes[offset..<offset + count]) }) else { throw failure("\(word)") }
            offset += count
        }

        private mutating func expect(_ character: Unicode.Scalar) throws(Failure) {
            guard next == UInt8(ascii: character) else { throw failure("'\(character)'") }
            offset += 1
        }
    }
}
