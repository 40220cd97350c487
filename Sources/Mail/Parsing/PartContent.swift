/// Decoding of a leaf part's body: the transfer encoding, and for text the charset and line breaks.
enum PartContent {
    /// The body's bytes with the transfer encoding undone. Parts kept whole give their raw bytes.
    static func decodedBytes(of part: MIMEPart, in bytes: UnsafeBufferPointer<UInt8>, problems: inout ProblemLog) -> [UInt8] {
        switch part.kind {
        case .opaqueEntity:
            return Array(bytes[part.headerRange.lowerBound..<part.bodyRange.upperBound])
        case .unparsedRemainder:
            return Array(bytes[part.bodyRange])
        case .normal:
            break
        }
        let body = UnsafeBufferPointer(rebasing: bytes[part.bodyRange])
        let encoding = part.transferEncoding
        switch encoding {
        case "7bit", "8bit", "binary":
            return Array(body)
        case "base64":
            let decoded = Base64.decode(body)
            // Text with spaces and punctuation that a script labelled base64 by mistake.
            if decoded.blanks * 20 > body.count, decoded.invalidCharacters > 0 {
                problems.add("\(describe(part)) is labelled base64 but is not; kept as it is")
                return Array(body)
            }
            if decoded.invalidCharacters > 0 {
                problems.add("invalid base64 in \(describe(part)): \(decoded.invalidCharacters) characters skipped")
            }
            if decoded.truncated { problems.add("base64 in \(describe(part)) ends in the middle of a group") }
            return decoded.bytes
        case "quoted-printable":
            let decoded = QuotedPrintable.decode(body)
            if decoded.invalidEscapes > 0 {
                problems.add("invalid quoted-printable in \(describe(part)): \(decoded.invalidEscapes) escapes kept")
            }
            return decoded.bytes
        default:
            problems.add("unknown transfer encoding \"\(encoding.prefix(40))\" in \(describe(part)); body kept as it is")
            return Array(body)
        }
    }

    /// The text of a text part: decoded from its charset (for HTML without one, from its `<meta>` charset), line
    /// breaks as `\n`, NULs removed, `format=flowed` undone.
    static func text(of part: MIMEPart, in bytes: UnsafeBufferPointer<UInt8>, problems: inout ProblemLog) -> String {
        let raw = decodedBytes(of: part, in: bytes, problems: &problems)
        var charset = part.contentType.charset
        if charset == nil, part.contentType.subtype == "html" { charset = metaCharset(raw) }
        let decoded = raw.withUnsafeBufferPointer { Charset.decodeReporting($0, charset: charset) }
        if let problem = decoded.problem { problems.add("\(describe(part)): \(problem)") }
        var text = normalizedLineBreaks(decoded.text, problems: &problems)
        let parameters = part.contentType.parameters
        if part.contentType.subtype == "plain", parameters["format"].map(ASCII.lowercased) == "flowed" {
            text = FlowedText.unflow(text, deleteSpace: parameters["delsp"].map(ASCII.lowercased) == "yes")
        }
        return text
    }

    /// `text` with CRLF and lone CR as LF, and without NUL.
    static func normalizedLineBreaks(_ text: String, problems: inout ProblemLog) -> String {
        var text = text
        var sawNUL = false
        let normalized: String? = text.withUTF8 { input in
            guard input.contains(where: { $0 == ASCII.cr || $0 == 0 }) else { return nil }
            return String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var previousWasCR = false
                for byte in input {
                    defer { previousWasCR = byte == ASCII.cr }
                    switch byte {
                    case ASCII.cr:
                        output[count] = ASCII.lf
                        count += 1
                    case ASCII.lf where previousWasCR:
                        continue
                    case 0:
                        sawNUL = true
                    default:
                        output[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
        if sawNUL { problems.add("NUL bytes removed from the text") }
        return normalized ?? text
    }

    /// The charset an HTML document declares in its first 2 KB (`<meta charset=…>` or `content="…; charset=…"`).
    private static func metaCharset(_ html: [UInt8]) -> String? {
        let head = html.prefix(2048)
        let key = Array("charset".utf8)
        var index = head.startIndex
        while index + key.count < head.endIndex {
            if ASCII.lowercased(head[index]) == key[0], ASCII.equalsIgnoringCase(head[index..<index + key.count], key) {
                var position = index + key.count
                while position < head.endIndex, ASCII.isWhitespace(head[position]) { position += 1 }
                if position < head.endIndex, head[position] == ASCII.equals {
                    position += 1
                    while position < head.endIndex, ASCII.isWhitespace(head[position]) || head[position] == ASCII.quote
                        || head[position] == ASCII.apostrophe {
                        position += 1
                    }
                    let start = position
                    while position < head.endIndex, position - start < 40, isCharsetNameByte(head[position]) { position += 1 }
                    if position > start { return String(decoding: head[start..<position], as: UTF8.self) }
                }
            }
            index += 1
        }
        return nil
    }

    private static func isCharsetNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, ASCII.hyphen, ASCII.underscore, UInt8(ascii: "."), ASCII.colon: true
        default: false
        }
    }

    /// How problems name a part: its file name, or its media type.
    static func describe(_ part: MIMEPart) -> String {
        if let filename = part.filename { return "attachment \"\(filename.prefix(80))\"" }
        return "\(part.contentType.mimeType) part"
    }
}
