/// The readable text of an HTML body, for messages that have no text part.
///
/// A small, linear converter: tags are dropped, block elements start new lines (paragraphs, headings, lists and
/// tables a blank line), `<br>` breaks the line, list items start with `- `, white space collapses except in
/// `pre`, character references are decoded, and scripts, styles, the head and comments are left out. (The
/// Domain's `HTMLText` does the same with a full tokenizer; the Mail layer cannot use it.)
enum HTMLTextExtractor {
    static func text(fromHTML html: String) -> String {
        var input = Array(html.utf8)
        return input.withUnsafeMutableBufferPointer { buffer in
            var converter = Converter(UnsafeBufferPointer(buffer))
            return converter.run()
        }
    }

    private static let skippedElements: Set<String> = ["script", "style", "head", "title", "template", "noscript", "xml", "svg", "object"]
    private static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr", "ul", "ol", "dl", "figure", "address",
    ]
    private static let lineElements: Set<String> = [
        "div", "tr", "li", "dt", "dd", "caption", "center", "section", "article", "aside", "header", "footer", "nav",
        "main", "form", "fieldset", "details", "summary",
    ]

    private struct Converter {
        let input: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        var pendingBreaks = 0
        var pendingSpace = false
        var preDepth = 0
        var index = 0
        /// End tags known to be missing from the rest of the input, so that each is searched for once.
        var missingEndTags: Set<String> = []

        init(_ input: UnsafeBufferPointer<UInt8>) {
            self.input = input
            output.reserveCapacity(input.count / 2)
        }

        mutating func run() -> String {
            let count = input.count
            while index < count {
                let byte = input[index]
                if byte == ASCII.lessThan {
                    tag()
                } else if byte == UInt8(ascii: "&") {
                    let (scalar, end) = HTMLEntityDecoder.reference(in: input, at: index)
                    if let scalar {
                        if scalar == "\u{A0}" {
                            appendText([ASCII.space])
                        } else if scalar != "\u{AD}" {
                            var encoded: [UInt8] = []
                            UTF8.encode(scalar) { encoded.append($0) }
                            appendText(encoded)
                        }
                        index = end
                    } else {
                        appendText([byte])
                        index += 1
                    }
                } else if ASCII.isWhitespace(byte) {
                    if preDepth > 0 {
                        if byte == ASCII.lf {
                            output.append(ASCII.lf)
                        } else if byte != ASCII.cr {
                            appendText([byte])
                        }
                    } else {
                        pendingSpace = true
                    }
                    index += 1
                } else {
                    let start = index
                    while index < count, input[index] != ASCII.lessThan, input[index] != UInt8(ascii: "&"),
                          !ASCII.isWhitespace(input[index]) {
                        index += 1
                    }
                    appendText(UnsafeBufferPointer(rebasing: input[start..<index]))
                }
            }
            // Trim trailing white space of each line and surrounding blank lines.
            var lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.reversed().drop { $0 == " " || $0 == "\t" }.reversed() }
                .map { String($0) }
            while lines.first?.isEmpty == true { lines.removeFirst() }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines.joined(separator: "\n")
        }

        private mutating func appendText(_ text: some Collection<UInt8>) {
            if !output.isEmpty {
                if pendingBreaks > 0 {
                    while let last = output.last, last == ASCII.space { output.removeLast() }
                    var existing = 0
                    for byte in output.reversed() {
                        guard byte == ASCII.lf else { break }
                        existing += 1
                    }
                    if existing < pendingBreaks {
                        output.append(contentsOf: repeatElement(ASCII.lf, count: pendingBreaks - existing))
                    }
                } else if pendingSpace, output.last != ASCII.lf, output.last != ASCII.space {
                    output.append(ASCII.space)
                }
            }
            pendingBreaks = 0
            pendingSpace = false
            output.append(contentsOf: text)
        }

        private mutating func requestBreak(_ lines: Int) {
            pendingBreaks = max(pendingBreaks, lines)
        }

        /// Handles the markup starting with `<` at `index`.
        private mutating func tag() {
            let count = input.count
            if startsWith("<!--", at: index) {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? count
                return
            }
            var position = index + 1
            let isEnd = position < count && input[position] == UInt8(ascii: "/")
            if isEnd { position += 1 }
            let nameStart = position
            while position < count, isNameByte(input[position]) { position += 1 }
            if position == nameStart {
                if position < count, input[position] == UInt8(ascii: "!") || input[position] == ASCII.question {
                    index = find(">", from: position).map { $0 + 1 } ?? count
                } else {
                    appendText([ASCII.lessThan])
                    index += 1
                }
                return
            }
            let name = String(decoding: input[nameStart..<position].map(ASCII.lowercased), as: UTF8.self)
            // The end of the tag, quotes respected.
            var quote: UInt8?
            while position < count {
                let byte = input[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == ASCII.quote || byte == ASCII.apostrophe {
                    quote = byte
                } else if byte == ASCII.greaterThan {
                    break
                }
                position += 1
            }
            index = min(count, position + 1)

            if !isEnd, skippedElements.contains(name) {
                if !missingEndTags.contains(name), let close = findIgnoringCase("</" + name, from: index) {
                    index = find(">", from: close).map { $0 + 1 } ?? count
                } else {
                    missingEndTags.insert(name)
                    if name != "head" { index = count }
                }
                return
            }
            switch name {
            case "br":
                if !output.isEmpty || pendingBreaks > 0 { output.append(ASCII.lf) }
                pendingSpace = false
            case "li" where !isEnd:
                requestBreak(1)
                appendText("- ".utf8)
            case "td", "th":
                if !isEnd { pendingSpace = true }
            case "pre":
                preDepth = max(0, preDepth + (isEnd ? -1 : 1))
                requestBreak(2)
            default:
                if paragraphElements.contains(name) {
                    requestBreak(2)
                } else if lineElements.contains(name) {
                    requestBreak(1)
                }
            }
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == ASCII.hyphen || byte == ASCII.colon
        }

        private func startsWith(_ text: String, at position: Int) -> Bool {
            let bytes = Array(text.utf8)
            return position + bytes.count <= input.count && input[position..<position + bytes.count].elementsEqual(bytes)
        }

        private func find(_ text: String, from start: Int) -> Int? {
            findIgnoringCase(text, from: start)
        }

        private func findIgnoringCase(_ text: String, from start: Int) -> Int? {
            let needle = Array(text.utf8).map(ASCII.lowercased)
            guard let first = needle.first, start < input.count else { return nil }
            var position = start
            while position + needle.count <= input.count {
                if ASCII.lowercased(input[position]) == first,
                   zip(input[position..<position + needle.count], needle).allSatisfy({ ASCII.lowercased($0) == $1 }) {
                    return position
                }
                position += 1
            }
            return nil
        }
    }
}
