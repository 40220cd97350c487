/// Writing `value; name=value` fields such as Content-Type and Content-Disposition, with RFC 2231 parameters.
extension HeaderEncoder {
    /// One parameter as `name="value"` or, for non-ASCII or long values, RFC 2231 `name*=UTF-8''…` split into
    /// numbered sections of at most 50 characters.
    static func parameterTokens(_ name: String, _ value: String) -> [String] {
        let value = clean(value)
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), value.utf8.count <= 60 {
            return ["\(name)=\"\(value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\""))\""]
        }
        var encoded: [String] = []
        for byte in value.utf8 {
            if isAttributeChar(byte) {
                encoded.append(String(UnicodeScalar(byte)))
            } else {
                encoded.append("%" + String(decoding: [ASCII.upperHexDigits[Int(byte >> 4)], ASCII.upperHexDigits[Int(byte & 0x0F)]], as: UTF8.self))
            }
        }
        var sections: [String] = []
        var current = ""
        for piece in encoded {
            if current.utf8.count + piece.utf8.count > 50 {
                sections.append(current)
                current = ""
            }
            current += piece
        }
        sections.append(current)
        if sections.count == 1 { return ["\(name)*=UTF-8''\(sections[0])"] }
        return sections.enumerated().map { index, section in
            let separator = index < sections.count - 1 ? ";" : ""
            return (index == 0 ? "\(name)*0*=UTF-8''\(section)" : "\(name)*\(index)*=\(section)") + separator
        }
    }

    /// A parameter value as RFC 2047 encoded words inside quotes (`name="=?UTF-8?Q?…?="`), as older mail clients
    /// expect Content-Type's `name`; folded between the words.
    static func encodedParameterTokens(_ name: String, _ value: String) -> [String] {
        let value = clean(value)
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), value.utf8.count <= 60, !value.contains("=?") {
            return parameterTokens(name, value)
        }
        var words = encodedWords(value)
        guard !words.isEmpty else { return parameterTokens(name, value) }
        words[0] = "\(name)=\"" + words[0]
        words[words.count - 1] += "\""
        return words
    }

    /// RFC 2231 attribute-char: what may stand unencoded in an extended parameter value.
    private static func isAttributeChar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: "!#$&+-.^_`|~".utf8.contains(byte)
        }
    }

    /// The tokens of a `value; parameter; …` field such as Content-Type.
    static func parameterizedTokens(_ value: String, _ parameters: [[String]]) -> [String] {
        var tokens = [value]
        for parameter in parameters where !parameter.isEmpty {
            tokens[tokens.count - 1] += ";"
            tokens += parameter
        }
        return tokens
    }
}
