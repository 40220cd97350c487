/// A header value of the form `value; name=value; …` (Content-Type, Content-Disposition), with parameters decoded.
///
/// Parameters may be quoted or not, RFC 2231 extended (`filename*=utf-8''%C3%BC.pdf`) and continued
/// (`filename*0*=…; filename*1=…`, joined in index order before decoding), or RFC 2047 encoded inside quotes (as
/// Outlook writes them). An extended parameter wins over a plain one of the same name. Names are lower case;
/// the first of two parameters with the same name wins. Forgiving: missing semicolons before the first parameter,
/// unquoted values with special characters (`boundary=----=_Part_1`), unterminated quotes and backslashes in
/// quoted Windows paths are read as meant.
struct HeaderParameters {
    /// The value before the parameters, such as `text/plain` or `attachment`, trimmed.
    var value: String
    /// Parameter names (lower case) and decoded values, in order.
    var parameters: [(name: String, value: String)]
    /// Whether a parameter had to be guessed at (gaps in continuations, undecodable bytes).
    var malformed = false

    private static let maximumParameters = 100
    private static let maximumSection = 999

    subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    init(parsing header: String) {
        var bytes = Array(header.utf8)
        let parsed = bytes.withUnsafeMutableBufferPointer { Self.split(UnsafeBufferPointer($0)) }
        value = parsed.value
        parameters = []
        var sections: [String: [(index: Int, encoded: Bool, value: [UInt8])]] = [:]
        var sectionOrder: [String] = []
        for (name, rawValue) in parsed.parameters {
            guard let star = name.utf8.firstIndex(of: ASCII.asterisk) else {
                if self[name] == nil {
                    let decoded = EncodedWords.decode(String(decoding: rawValue, as: UTF8.self))
                    if decoded.malformed { malformed = true }
                    parameters.append((name, decoded.text))
                }
                continue
            }
            let base = String(name[..<star])
            let suffix = name.utf8[name.utf8.index(after: star)...]
            var index = 0
            var encoded = false
            if suffix.isEmpty {
                encoded = true
            } else {
                var digits = suffix[...]
                if digits.last == ASCII.asterisk {
                    encoded = true
                    digits = digits.dropLast()
                }
                guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    malformed = true
                    continue
                }
                index = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                guard index <= Self.maximumSection else { continue }
            }
            if sections[base] == nil { sectionOrder.append(base) }
            sections[base, default: []].append((index, encoded, rawValue))
        }
        for base in sectionOrder {
            guard let parts = sections[base] else { continue }
            let joined = Self.join(parts.sorted { $0.index < $1.index })
            if joined.malformed { malformed = true }
            parameters.removeAll { $0.name == base }
            parameters.append((base, joined.text))
        }
    }

    /// The text of an RFC 2231 parameter from its sections in index order.
    private static func join(_ sections: [(index: Int, encoded: Bool, value: [UInt8])]) -> (text: String, malformed: Bool) {
        var bytes: [UInt8] = []
        var charset: String?
        var malformed = false
        var expected = 0
        for (position, section) in sections.enumerated() {
            if section.index != expected { malformed = true }
            expected = section.index + 1
            var value = section.value[...]
            if section.encoded {
                if position == 0 {
                    // charset'language'value; the quotes may be missing in broken mail.
                    let quotes = value.indices.filter { value[$0] == ASCII.apostrophe }.prefix(2)
                    if quotes.count == 2 {
                        let name = String(decoding: value[..<quotes[0]], as: UTF8.self)
                        charset = name.isEmpty ? nil : name
                        value = value[(quotes[1] + 1)...]
                    }
                }
                bytes.append(contentsOf: percentDecoded(value))
            } else {
                bytes.append(contentsOf: value)
            }
        }
        let decoded = bytes.withUnsafeBufferPointer { Charset.decodeReporting($0, charset: charset ?? "utf-8") }
        return (decoded.text, malformed || decoded.problem != nil)
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte == ASCII.percent, index + 2 < value.endIndex, let high = ASCII.hexValue(value[index + 1]),
               let low = ASCII.hexValue(value[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// The main value and the raw parameters (names lower case, quotes and escapes removed).
    private static func split(_ input: UnsafeBufferPointer<UInt8>) -> (value: String, parameters: [(String, [UInt8])]) {
        let count = input.count
        var index = 0
        while index < count, ASCII.isWhitespace(input[index]) { index += 1 }
        let valueStart = index
        while index < count, input[index] != ASCII.semicolon, !ASCII.isWhitespace(input[index]) { index += 1 }
        let value = String(decoding: UnsafeBufferPointer(rebasing: input[valueStart..<index]), as: UTF8.self)

        var parameters: [(String, [UInt8])] = []
        while index < count, parameters.count < maximumParameters {
            while index < count, ASCII.isWhitespace(input[index]) || input[index] == ASCII.semicolon { index += 1 }
            guard index < count else { break }
            let nameStart = index
            while index < count, input[index] != ASCII.equals, input[index] != ASCII.semicolon,
                  !ASCII.isWhitespace(input[index]) {
                index += 1
            }
            let name = ASCII.lowercased(String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<index]),
                                               as: UTF8.self))
            while index < count, ASCII.isBlank(input[index]) { index += 1 }
            guard index < count, input[index] == ASCII.equals, !name.isEmpty else {
                while index < count, input[index] != ASCII.semicolon { index += 1 }
                continue
            }
            index += 1
            while index < count, ASCII.isWhitespace(input[index]) { index += 1 }
            var parameterValue: [UInt8] = []
            if index < count, input[index] == ASCII.quote {
                index += 1
                while index < count, input[index] != ASCII.quote {
                    if input[index] == ASCII.backslash, index + 1 < count,
                       input[index + 1] == ASCII.quote || input[index + 1] == ASCII.backslash {
                        index += 1
                    }
                    parameterValue.append(input[index])
                    index += 1
                }
                index += 1
            } else {
                let start = index
                while index < count, input[index] != ASCII.semicolon { index += 1 }
                parameterValue = Array(ASCII.trimmed(ArraySlice(UnsafeBufferPointer(rebasing: input[start..<index]))))
            }
            parameters.append((name, parameterValue))
        }
        return (value, parameters)
    }
}
