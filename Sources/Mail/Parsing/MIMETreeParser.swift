#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the MIME tree of a message in one pass over its bytes.
///
/// Each multipart pushes its delimiter (`--boundary`) on a stack; a line is checked against the stack only if it
/// starts with `--`, so every byte is looked at a bounded number of times. A part ends at the first delimiter
/// line of *any* open multipart: a part or multipart that is not closed ends where its parent continues.
struct MIMETreeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var problems = ProblemLog()
    private(set) var partCount = 0
    private var delimiters: [[UInt8]] = []
    private var boundaryGuesses = 0

    static let maximumBoundaryLength = 200
    private static let maximumBoundaryGuesses = 4

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// A line: `start..<end` without its line break, `next` where the following line starts.
    struct Line {
        let start: Int
        let end: Int
        let next: Int

        var isEmpty: Bool { start == end }
    }

    /// A delimiter line of the multipart at `level` of the stack (0 is the outermost).
    struct Delimiter {
        let level: Int
        let isClose: Bool
        let line: Line
    }

    // MARK: Lines

    /// The line starting at `index`, or nil at the end of the bytes.
    func line(at index: Int) -> Line? {
        guard index < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + index, Int32(ASCII.lf), bytes.count - index) else {
            return Line(start: index, end: bytes.count, next: bytes.count)
        }
        let lf = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        let end = lf > index && bytes[lf - 1] == ASCII.cr ? lf - 1 : lf
        return Line(start: index, end: end, next: lf + 1)
    }

    /// The delimiter `line` is, if it is one of an open multipart (the innermost that matches).
    func delimiter(in line: Line) -> Delimiter? {
        guard !delimiters.isEmpty, line.end - line.start >= 3, bytes[line.start] == ASCII.hyphen,
              bytes[line.start + 1] == ASCII.hyphen, let base = bytes.baseAddress
        else { return nil }
        for level in delimiters.indices.reversed() {
            let length = delimiters[level].count
            guard line.end - line.start >= length else { continue }
            let matches = delimiters[level].withUnsafeBufferPointer { memcmp(base + line.start, $0.baseAddress!, length) == 0 }
            guard matches else { continue }
            var rest = line.start + length
            var isClose = false
            if line.end - rest >= 2, bytes[rest] == ASCII.hyphen, bytes[rest + 1] == ASCII.hyphen {
                isClose = true
                rest += 2
            }
            while rest < line.end, ASCII.isBlank(bytes[rest]) { rest += 1 }
            if rest == line.end { return Delimiter(level: level, isClose: isClose, line: line) }
        }
        return nil
    }

    /// Where content starting at `start` ends: before the line break that precedes the next delimiter line (which
    /// belongs to the delimiter), or at the end of the bytes. Open delimiters of `skipLevel` do not end it.
    func scanToDelimiter(from start: Int, skippingOpenDelimitersOf skipLevel: Int? = nil) -> (end: Int, delimiter: Delimiter?) {
        guard !delimiters.isEmpty else { return (bytes.count, nil) }
        var index = start
        while let line = line(at: index) {
            if bytes[line.start] == ASCII.hyphen, let delimiter = delimiter(in: line),
               !(delimiter.level == skipLevel && !delimiter.isClose) {
                return (contentEnd(before: line, from: start), delimiter)
            }
            index = line.next
        }
        return (bytes.count, nil)
    }

    private func contentEnd(before line: Line, from start: Int) -> Int {
        guard line.start > start else { return start }
        var end = line.start - 1
        if end > start, bytes[end - 1] == ASCII.cr { end -= 1 }
        return end
    }

    // MARK: Entities

    /// Parses the entity (headers and body) at `start`, up to the next delimiter of an open multipart or the end.
    mutating func parseEntity(at start: Int, depth: Int, defaultType: ContentType) -> (part: MIMEPart, delimiter: Delimiter?) {
        partCount += 1
        let block = parseHeaderBlock(at: start, isTopLevel: depth == 0)
        let headers = decodeHeaders(block)
        var contentType = defaultType
        if let declared = headers.rawValue(named: "Content-Type") {
            if let parsed = ContentType(parsing: declared) {
                contentType = parsed
            } else {
                problems.add("unreadable Content-Type \"\(declared.prefix(60))\"; read as text/plain")
                contentType = .defaultText
            }
        }
        let headerRange = start..<max(start, block.bodyStart)
        if let delimiter = block.delimiter {
            let empty = block.bodyStart..<block.bodyStart
            return (MIMEPart(headers: headers, contentType: contentType, headerRange: headerRange, bodyRange: empty),
                    delimiter)
        }
        if contentType.isMultipart {
            if depth >= MIMEParser.maximumDepth || partCount >= MIMEParser.maximumParts {
                problems.add(depth >= MIMEParser.maximumDepth
                    ? "multiparts nested deeper than \(MIMEParser.maximumDepth) levels kept whole as an attachment"
                    : "more than \(MIMEParser.maximumParts) MIME parts; the rest kept whole as attachments")
                let (end, delimiter) = scanToDelimiter(from: block.bodyStart)
                let part = MIMEPart(headers: headers, contentType: contentType, headerRange: headerRange,
                                    bodyRange: block.bodyStart..<end, kind: .opaqueEntity)
                return (part, delimiter)
            }
            if let multipart = parseMultipart(headers: headers, contentType: contentType, headerRange: headerRange,
                                              bodyStart: block.bodyStart, depth: depth) {
                return multipart
            }
            contentType = ContentType(type: "text", subtype: "plain", parameters: contentType.parameters)
        }
        let (end, delimiter) = scanToDelimiter(from: block.bodyStart)
        return (MIMEPart(headers: headers, contentType: contentType, headerRange: headerRange,
                         bodyRange: block.bodyStart..<end), delimiter)
    }

    /// Parses a multipart body; nil if no delimiter of it (declared or guessed) appears, so that the body is text.
    private mutating func parseMultipart(
        headers: MailHeaders, contentType: ContentType, headerRange: Range<Int>, bodyStart: Int, depth: Int
    ) -> (part: MIMEPart, delimiter: Delimiter?)? {
        let declared = contentType.parameters["boundary"].map { Array($0.utf8) } ?? []
        let boundaryIsUsable = !declared.isEmpty && declared.count <= Self.maximumBoundaryLength
        if boundaryIsUsable, let result = parseParts(boundary: declared, headers: headers, contentType: contentType,
                                                     headerRange: headerRange, bodyStart: bodyStart, depth: depth) {
            return result
        }
        let what = boundaryIsUsable
            ? "boundary \"\(String(decoding: declared.prefix(70), as: UTF8.self))\" of \(contentType.mimeType) never appears"
            : "\(contentType.mimeType) without a usable boundary"
        if boundaryGuesses < Self.maximumBoundaryGuesses, let guess = guessBoundary(from: bodyStart), guess != declared {
            boundaryGuesses += 1
            problems.add("\(what); used \"\(String(decoding: guess, as: UTF8.self))\" found in the body")
            if let result = parseParts(boundary: guess, headers: headers, contentType: contentType,
                                       headerRange: headerRange, bodyStart: bodyStart, depth: depth) {
                return result
            }
        }
        problems.add("\(what); body read as text")
        return nil
    }

    private mutating func parseParts(
        boundary: [UInt8], headers: MailHeaders, contentType: ContentType, headerRange: Range<Int>, bodyStart: Int,
        depth: Int
    ) -> (part: MIMEPart, delimiter: Delimiter?)? {
        delimiters.append([ASCII.hyphen, ASCII.hyphen] + boundary)
        let own = delimiters.count - 1
        var delimiter = scanToDelimiter(from: bodyStart).delimiter
        guard let first = delimiter, first.level == own else {
            delimiters.removeLast()
            return nil
        }
        let childType: ContentType = contentType.subtype == "digest" ? .defaultDigestPart : .defaultText
        var children: [MIMEPart] = []

        func finish(_ children: [MIMEPart], bodyEnd: Int) -> MIMEPart {
            MIMEPart(headers: headers, contentType: contentType, headerRange: headerRange,
                     bodyRange: bodyStart..<max(bodyStart, bodyEnd), parts: children)
        }

        while let current = delimiter {
            if current.level != own {
                problems.add("\(contentType.mimeType) not closed: its final boundary is missing")
                delimiters.removeLast()
                return (finish(children, bodyEnd: contentEnd(before: current.line, from: bodyStart)), current)
            }
            if current.isClose {
                delimiters.removeLast()
                let (end, outer) = scanToDelimiter(from: current.line.next)
                return (finish(children, bodyEnd: end), outer)
            }
            if partCount >= MIMEParser.maximumParts {
                problems.add("more than \(MIMEParser.maximumParts) MIME parts; the rest kept whole as attachments")
                let start = current.line.next
                let (end, next) = scanToDelimiter(from: start, skippingOpenDelimitersOf: own)
                children.append(MIMEPart(
                    headers: MailHeaders(), contentType: ContentType(type: "application", subtype: "octet-stream"),
                    headerRange: start..<start, bodyRange: start..<max(start, end), kind: .unparsedRemainder))
                delimiter = next
                continue
            }
            let (child, next) = parseEntity(at: current.line.next, depth: depth + 1, defaultType: childType)
            children.append(child)
            delimiter = next
        }
        problems.add("\(contentType.mimeType) not closed: the message ends before its final boundary")
        delimiters.removeLast()
        return (finish(children, bodyEnd: bytes.count), nil)
    }

    /// A boundary for a multipart whose declared one never appears: the first `--…` line of the body that occurs
    /// at least twice (once opening a part, once more opening or closing).
    private func guessBoundary(from start: Int) -> [UInt8]? {
        var candidates: [(boundary: [UInt8], count: Int)] = []
        var index = start
        while let line = line(at: index) {
            if bytes[line.start] == ASCII.hyphen {
                if delimiter(in: line) != nil { break }
                var end = line.end
                while end > line.start, ASCII.isBlank(bytes[end - 1]) { end -= 1 }
                if end - line.start >= 3, bytes[line.start + 1] == ASCII.hyphen {
                    var text = Array(bytes[(line.start + 2)..<end])
                    if let matched = candidates.firstIndex(where: { $0.boundary == text || $0.boundary + [45, 45] == text }) {
                        candidates[matched].count += 1
                        if candidates[matched].count >= 2 { return candidates[matched].boundary }
                    } else if candidates.count < 2, text.count <= Self.maximumBoundaryLength,
                              text.contains(where: { $0 != ASCII.hyphen }) {
                        if text.count > 2, text.suffix(2) == [45, 45] { text.removeLast(2) }
                        candidates.append((text, 1))
                    }
                }
            }
            index = line.next
        }
        return nil
    }
}
