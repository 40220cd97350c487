#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading header sections (RFC 5322 section 2.2): fields, folding, and where the body starts.
extension MIMETreeParser {
    /// A header field as byte offsets: the name, and the value from after the colon to the end of its last
    /// continuation line.
    struct RawField {
        let nameStart: Int
        let nameEnd: Int
        let valueStart: Int
        var valueEnd: Int
    }

    /// A header section: its fields, where the body starts, and the delimiter if a part ended inside it.
    struct HeaderBlock {
        var fields: [RawField]
        var bodyStart: Int
        var delimiter: Delimiter?
    }

    /// Reads the header section at `start`. It ends at an empty (or blank) line, at a delimiter of an open
    /// multipart, or at a line that is no header field (which then starts the body).
    mutating func parseHeaderBlock(at start: Int, isTopLevel: Bool) -> HeaderBlock {
        var fields: [RawField] = []
        var index = start
        var isFirstLine = true
        while let line = line(at: index) {
            defer { isFirstLine = false }
            if line.isEmpty { return HeaderBlock(fields: fields, bodyStart: line.next) }
            if let delimiter = delimiter(in: line) {
                return HeaderBlock(fields: fields, bodyStart: line.start, delimiter: delimiter)
            }
            if ASCII.isBlank(bytes[line.start]) {
                if isBlank(line) { return HeaderBlock(fields: fields, bodyStart: line.next) }
                if let last = fields.indices.last {
                    extend(&fields[last], to: line.end)
                } else {
                    problems.add("header section starts with a folded line; line ignored")
                }
                index = line.next
                continue
            }
            if let field = field(in: line) {
                if field.valueEnd < line.end {
                    problems.add("header field longer than \(MIMEParser.maximumHeaderValueLength) bytes cut")
                }
                if fields.count < MIMEParser.maximumHeaderFields {
                    fields.append(field)
                } else {
                    problems.add("more than \(MIMEParser.maximumHeaderFields) header fields; the rest ignored")
                }
            } else if isFirstLine, isTopLevel, startsWithMboxSeparator(line) {
                // An mbox "From " line in front of the message.
            } else if !fields.isEmpty, let next = self.line(at: line.next), !next.isEmpty, field(in: next) != nil {
                problems.add("malformed header line ignored: \"\(text(of: line, limit: 60))\"")
            } else {
                if fields.isEmpty {
                    problems.add(isTopLevel ? "the message has no header section" : "a MIME part has no header section")
                } else {
                    problems.add("header section not ended by an empty line")
                }
                return HeaderBlock(fields: fields, bodyStart: line.start)
            }
            index = line.next
        }
        return HeaderBlock(fields: fields, bodyStart: bytes.count)
    }

    private mutating func extend(_ field: inout RawField, to end: Int) {
        if end - field.valueStart > MIMEParser.maximumHeaderValueLength {
            if field.valueEnd - field.valueStart < MIMEParser.maximumHeaderValueLength {
                problems.add("header field longer than \(MIMEParser.maximumHeaderValueLength) bytes cut")
            }
            field.valueEnd = max(field.valueEnd, field.valueStart + MIMEParser.maximumHeaderValueLength)
        } else {
            field.valueEnd = end
        }
    }

    /// The header field `line` starts, if its name is printable ASCII followed by a colon.
    private func field(in line: Line) -> RawField? {
        guard let base = bytes.baseAddress,
              let found = memchr(base + line.start, Int32(ASCII.colon), line.end - line.start)
        else { return nil }
        let colon = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        var nameEnd = colon
        while nameEnd > line.start, ASCII.isBlank(bytes[nameEnd - 1]) { nameEnd -= 1 }
        guard nameEnd > line.start, nameEnd - line.start <= 200 else { return nil }
        for position in line.start..<nameEnd where bytes[position] <= ASCII.space || bytes[position] >= 0x7F {
            return nil
        }
        var valueEnd = line.end
        if valueEnd - (colon + 1) > MIMEParser.maximumHeaderValueLength {
            valueEnd = colon + 1 + MIMEParser.maximumHeaderValueLength
        }
        return RawField(nameStart: line.start, nameEnd: nameEnd, valueStart: colon + 1, valueEnd: valueEnd)
    }

    private func isBlank(_ line: Line) -> Bool {
        (line.start..<line.end).allSatisfy { ASCII.isBlank(bytes[$0]) }
    }

    private func startsWithMboxSeparator(_ line: Line) -> Bool {
        line.end - line.start >= 5 && Array(bytes[line.start..<line.start + 5]) == Array("From ".utf8)
    }

    private func text(of line: Line, limit: Int) -> String {
        String(decoding: bytes[line.start..<min(line.end, line.start + limit)], as: UTF8.self)
    }

    // MARK: Decoding

    /// The fields of `block` as header values: unfolded, 8-bit bytes decoded (UTF-8, else the part's charset,
    /// else Windows-1252), encoded words decoded.
    mutating func decodeHeaders(_ block: HeaderBlock) -> MailHeaders {
        guard !block.fields.isEmpty else { return MailHeaders() }
        var fallbackCharset: String??
        var headers: [MailHeader] = []
        headers.reserveCapacity(block.fields.count)
        for field in block.fields {
            let name = String(decoding: bytes[field.nameStart..<field.nameEnd], as: UTF8.self)
            var fieldProblems: [String] = []
            let rawValue = withUnfoldedValue(field) { valueBytes, hasHighBytes, hasNUL in
                if hasNUL { fieldProblems.append("NUL bytes removed from header \(name)") }
                if !hasHighBytes { return String(decoding: valueBytes, as: UTF8.self) }
                if let text = String(validating: valueBytes, as: UTF8.self) { return text }
                if fallbackCharset == nil { fallbackCharset = .some(charset(of: block)) }
                let charset = (fallbackCharset ?? nil) ?? "windows-1252"
                fieldProblems.append("8-bit bytes in header \(name) read as \(charset)")
                return HeaderText.sanitized(Charset.decodeReporting(valueBytes, charset: charset).text)
            }
            for problem in fieldProblems { problems.add(problem) }
            headers.append(MailHeader(name: name, unfoldedRawValue: rawValue))
        }
        return MailHeaders(headers)
    }

    /// Calls `body` with the value's bytes, without the line breaks of folding, NULs and surrounding white space
    /// (a lone CR becomes a space), and whether they hold bytes above 127 and held NULs.
    private func withUnfoldedValue<Result>(
        _ field: RawField, _ body: (UnsafeBufferPointer<UInt8>, _ hasHighBytes: Bool, _ hasNUL: Bool) -> Result
    ) -> Result {
        var start = field.valueStart
        var end = field.valueEnd
        while start < end, ASCII.isWhitespace(bytes[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        var combined: UInt8 = 0
        var hasBreak = false
        var hasNUL = false
        for position in start..<end {
            let byte = bytes[position]
            combined |= byte
            if byte == ASCII.lf || byte == ASCII.cr { hasBreak = true }
            if byte == 0 { hasNUL = true }
        }
        guard hasBreak || hasNUL else {
            return body(UnsafeBufferPointer(rebasing: bytes[start..<end]), combined >= 0x80, false)
        }
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(end - start)
        for position in start..<end {
            let byte = bytes[position]
            if byte == ASCII.lf || byte == 0 || (byte == ASCII.cr && position + 1 < end && bytes[position + 1] == ASCII.lf) {
                continue
            }
            unfolded.append(byte == ASCII.cr ? ASCII.space : byte)
        }
        return unfolded.withUnsafeBufferPointer { body($0, combined >= 0x80, hasNUL) }
    }

    /// The charset named by the block's Content-Type, if it is a real one other than UTF-8 and ASCII.
    private func charset(of block: HeaderBlock) -> String? {
        for field in block.fields {
            let name = bytes[field.nameStart..<field.nameEnd]
            guard ASCII.equalsIgnoringCase(name, "content-type".utf8) else { continue }
            let value = String(decoding: bytes[field.valueStart..<field.valueEnd], as: UTF8.self)
            guard let charset = ContentType(parsing: value)?.charset else { return nil }
            let label = CharsetLabel(charset)
            switch label {
            case .other where label.isASCIICompatible, .windows1252: return charset
            default: return nil
            }
        }
        return nil
    }
}
