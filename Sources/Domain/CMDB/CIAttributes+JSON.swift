/// The attribute JSON of items and versions, written and read by hand: `JSONEncoder` and `JSONDecoder` (which tries
/// each value as boolean, number and text in turn, throwing twice for every text) cost more than the database
/// queries when an import writes 50,000 items or a list decodes 50.
extension Dictionary where Key == String, Value == CIValue {
    /// The attributes as compact JSON with sorted keys.
    public var json: String {
        var output = "{"
        for (offset, entry) in sorted(by: { $0.key < $1.key }).enumerated() {
            if offset > 0 { output.append(",") }
            JSONText.appendString(entry.key, to: &output)
            output.append(":")
            entry.value.appendJSON(to: &output)
        }
        output.append("}")
        return output
    }

    /// The attributes a stored JSON object holds; nil if the text is not such an object.
    public init?(json: String) {
        var text = json
        guard let decoded = text.withUTF8({ bytes in
            var parser = CIAttributesParser(bytes: bytes)
            return parser.document()
        }) else { return nil }
        self = decoded
    }
}

extension CIValue {
    /// Appends the value as `encode(to:)` writes it: integral numbers without a fraction.
    func appendJSON(to output: inout String) {
        switch self {
        case .text(let text): JSONText.appendString(text, to: &output)
        case .number(let number): output.append(number.isFinite ? FieldValue.jsonNumber(number) : "null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .list(let items):
            output.append("[")
            for (offset, item) in items.enumerated() {
                if offset > 0 { output.append(",") }
                JSONText.appendString(item, to: &output)
            }
            output.append("]")
        }
    }
}

/// Reads one JSON object whose values are strings, numbers, booleans or arrays of strings.
private struct CIAttributesParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The whole text as one object, nothing but whitespace after it.
    mutating func document() -> CIAttributes? {
        guard let attributes = object() else { return nil }
        skipWhitespace()
        return position == bytes.count ? attributes : nil
    }

    private mutating func object() -> CIAttributes? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        var attributes: CIAttributes = [:]
        if consume(UInt8(ascii: "}")) { return attributes }
        repeat {
            skipWhitespace()
            guard let key = string(), consume(UInt8(ascii: ":")), let value = value() else { return nil }
            attributes[key] = value
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}")) ? attributes : nil
    }

    private mutating func value() -> CIValue? {
        skipWhitespace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "\""): return string().map(CIValue.text)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "["):
            position += 1
            var items: [String] = []
            if consume(UInt8(ascii: "]")) { return .list(items) }
            repeat {
                skipWhitespace()
                guard let item = string() else { return nil }
                items.append(item)
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "]")) ? .list(items) : nil
        default: return number().map(CIValue.number)
        }
    }

    private mutating func number() -> Double? {
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard position > start else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    /// A string at the current position (which must be its opening quote), escapes resolved.
    private mutating func string() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "\"") {
            defer { position += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return text
            case UInt8(ascii: "\\"):
                guard let escaped = escape() else { return nil }
                text.unicodeScalars.append(escaped)
            default:
                let run = position - 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<position]), as: UTF8.self)
            }
        }
        return nil
    }

    /// The character of the escape after a backslash; `\u` pairs of surrogates make one character.
    private mutating func escape() -> Unicode.Scalar? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let high = hex4() else { return nil }
            guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        default: return nil
        }
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count,
              let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + 4)]), as: UTF8.self), radix: 16)
        else { return nil }
        position += 4
        return value
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count,
              UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]).elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: length))
        else { return false }
        position += length
        return true
    }

    /// Skips whitespace, then takes `byte` if it comes next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
            position += 1
        }
    }
}
