/// Reads ``IMAPValue``s from a response record, taking each literal from the record when its `{n}` marker comes.
struct IMAPValueReader {
    private let text: [UInt8]
    private let literals: [[UInt8]]
    private(set) var position: Int
    private var nextLiteral = 0

    init(_ record: IMAPResponseRecord, from position: Int = 0) {
        text = record.text
        literals = record.literals
        self.position = position
    }

    var atEnd: Bool { position >= text.count }

    /// The rest of the line from the current position, as text.
    var remainder: String { String(decoding: text[min(position, text.count)...], as: UTF8.self) }

    mutating func skipSpaces() {
        while position < text.count, text[position] == UInt8(ascii: " ") { position += 1 }
    }

    /// The next value; throws on an unbalanced list, an unterminated string or a literal that did not come.
    mutating func readValue() throws(IMAPError) -> IMAPValue {
        skipSpaces()
        guard position < text.count else { throw .protocolViolation("a value is missing") }
        switch text[position] {
        case UInt8(ascii: "("):
            position += 1
            var items: [IMAPValue] = []
            while true {
                skipSpaces()
                guard position < text.count else { throw .protocolViolation("a list is not closed") }
                if text[position] == UInt8(ascii: ")") {
                    position += 1
                    return .list(items)
                }
                items.append(try readValue())
            }
        case UInt8(ascii: "\""):
            return .string(try readQuoted())
        case UInt8(ascii: "{"):
            guard let close = text[position...].firstIndex(of: UInt8(ascii: "}")), nextLiteral < literals.count else {
                throw .protocolViolation("a literal is missing")
            }
            position = close + 1
            nextLiteral += 1
            return .string(literals[nextLiteral - 1])
        default:
            let atom = readAtom()
            guard !atom.isEmpty else { throw .protocolViolation("unexpected '\(Character(Unicode.Scalar(text[position])))'") }
            return atom.uppercased() == "NIL" ? .nil : .atom(atom)
        }
    }

    /// An atom: up to a space or parenthesis, keeping bracketed sections (`BODY[HEADER.FIELDS (FROM)]`) whole.
    mutating func readAtom() -> String {
        let start = position
        var depth = 0
        while position < text.count {
            let byte = text[position]
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            if depth == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { break }
            position += 1
        }
        return String(decoding: text[start..<position], as: UTF8.self)
    }

    private mutating func readQuoted() throws(IMAPError) -> [UInt8] {
        position += 1
        var bytes: [UInt8] = []
        while position < text.count {
            let byte = text[position]
            position += 1
            if byte == UInt8(ascii: "\"") { return bytes }
            if byte == UInt8(ascii: "\\"), position < text.count {
                bytes.append(text[position])
                position += 1
            } else {
                bytes.append(byte)
            }
        }
        throw .protocolViolation("a quoted string is not closed")
    }
}
