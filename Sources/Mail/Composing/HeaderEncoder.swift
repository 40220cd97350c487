/// Writing header fields: RFC 2047 encoded words for non-ASCII text, RFC 2231 for non-ASCII parameters, quoting,
/// and folding into lines of at most 78 characters.
///
/// Every text passes through ``clean(_:)`` first, so no value can end a field or start another one.
enum HeaderEncoder {
    /// `text` with CR, LF and every other control character replaced by a space: what makes header injection
    /// impossible.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? " " : scalar) }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The field `name: tokens`, tokens separated by single spaces (an empty token stands for one more space),
    /// folded before a token where the line would grow beyond 78 characters; ends with CRLF.
    static func field(_ name: String, _ tokens: [String]) -> [UInt8] {
        var output = Array(name.utf8)
        output.append(ASCII.colon)
        var lineLength = output.count
        var lineHasToken = false
        for token in tokens {
            if token.isEmpty {
                output.append(ASCII.space)
                lineLength += 1
                continue
            }
            let length = token.utf8.count
            if lineHasToken, lineLength + 1 + length > 78 {
                output.append(contentsOf: [ASCII.cr, ASCII.lf, ASCII.space])
                lineLength = 1
            } else {
                output.append(ASCII.space)
                lineLength += 1
            }
            output.append(contentsOf: token.utf8)
            lineLength += length
            lineHasToken = true
        }
        output.append(contentsOf: [ASCII.cr, ASCII.lf])
        return output
    }

    // MARK: Unstructured text

    /// The tokens of an unstructured value (Subject, Comments, extra fields): words as they are where possible,
    /// the stretch from the first to the last word that needs it as encoded words.
    static func unstructuredTokens(_ text: String) -> [String] {
        let words = clean(text).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let first = words.firstIndex(where: needsEncoding), let last = words.lastIndex(where: needsEncoding) else {
            return words
        }
        return Array(words[..<first]) + encodedWords(words[first...last].joined(separator: " "))
            + Array(words[(last + 1)...])
    }

    private static func needsEncoding(_ word: String) -> Bool {
        word.utf8.count > 75 || word.utf8.contains { $0 >= 0x80 } || word.contains("=?") || word.contains("?=")
    }

    /// `text` as UTF-8 encoded words of at most 60 characters each (so that one fits on a line after a field
    /// name or `name="`), split between characters: Q encoding for mostly Latin text, B encoding otherwise.
    static func encodedWords(_ text: String) -> [String] {
        let nonASCII = text.utf8.count(where: { $0 >= 0x80 })
        let useBase64 = nonASCII * 3 > text.utf8.count
        var words: [String] = []
        var current: [UInt8] = []
        var currentLength = 0
        let limit = useBase64 ? 36 : 48

        func flush() {
            guard !current.isEmpty else { return }
            let payload = useBase64 ? String(decoding: Base64.encode(current), as: UTF8.self) : String(decoding: current, as: UTF8.self)
            words.append("=?UTF-8?\(useBase64 ? "B" : "Q")?\(payload)?=")
            current.removeAll()
            currentLength = 0
        }

        for character in text {
            // A whole character (grapheme) stays in one word.
            var chunk: [UInt8] = []
            for byte in character.utf8 {
                if useBase64 {
                    chunk.append(byte)
                } else if isQSafe(byte) {
                    chunk.append(byte)
                } else if byte == ASCII.space {
                    chunk.append(ASCII.underscore)
                } else {
                    chunk += [ASCII.equals, ASCII.upperHexDigits[Int(byte >> 4)], ASCII.upperHexDigits[Int(byte & 0x0F)]]
                }
            }
            if currentLength + chunk.count > limit { flush() }
            current += chunk
            currentLength += chunk.count
        }
        flush()
        return words
    }

    /// Characters that Q-encoded words may hold as they are, even in display names (RFC 2047 section 5 (3)).
    private static func isQSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
