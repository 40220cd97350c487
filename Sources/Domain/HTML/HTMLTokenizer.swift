/// A tolerant HTML tokenizer after the HTML5 parsing rules: never fails, whatever the input.
///
/// Tags may have attributes with double, single or no quotes; `<!-- … -->` comments, `<!DOCTYPE …>`,
/// `<![CDATA[ … ]>` and `<? … >` are skipped as the HTML parser skips them; a `<` that starts no tag is text;
/// a tag cut off by the end of the input is dropped. The content of raw-text elements (`script`, `style`, …)
/// comes as one text token up to the element's end tag.
struct HTMLTokenizer: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position = 0
    /// The raw-text element whose content comes next.
    private var rawTextElement: String?

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    mutating func next() -> HTMLToken? {
        if let element = rawTextElement {
            rawTextElement = nil
            let end = endOfRawText(element)
            defer { position = end }
            if end > position {
                let content = bytes[position..<end]
                return .text(HTMLElement.escapableRawText.contains(element)
                    ? HTMLEntities.decode(content, inAttribute: false)
                    : String(decoding: content, as: UTF8.self))
            }
        }
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), startsMarkup(at: position) {
                if let token = markup() { return token }
            } else {
                return text()
            }
        }
        return nil
    }

    // MARK: Text

    private func startsMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return Self.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
    }

    private mutating func text() -> HTMLToken {
        let start = position
        position += 1
        while position < bytes.count, !(bytes[position] == UInt8(ascii: "<") && startsMarkup(at: position)) {
            position += 1
        }
        return .text(HTMLEntities.decode(bytes[start..<position], inAttribute: false))
    }

    /// Where the content of raw-text `element` ends: at its end tag (`</name` followed by white space, `/` or
    /// `>`, in any case) or at the end of the input.
    private func endOfRawText(_ element: String) -> Int {
        let name = Array(element.utf8)
        var index = position
        while index + 2 + name.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"),
               zip(bytes[(index + 2)...], name).allSatisfy({ Self.lowercased($0) == $1 }) {
                let after = index + 2 + name.count
                if after == bytes.count || Self.isWhitespace(bytes[after]) || bytes[after] == UInt8(ascii: "/")
                    || bytes[after] == UInt8(ascii: ">") {
                    return index
                }
            }
            index += 1
        }
        return bytes.count
    }

    // MARK: Markup

    /// Reads the markup at `position` (a `<` that starts markup); nil for comments and other skipped markup.
    private mutating func markup() -> HTMLToken? {
        let next = bytes[position + 1]
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: position) {
                skipComment()
            } else {
                skip(through: UInt8(ascii: ">"), from: position + 2)
            }
            return nil
        }
        if next == UInt8(ascii: "?") {
            skip(through: UInt8(ascii: ">"), from: position + 2)
            return nil
        }
        if next == UInt8(ascii: "/") {
            guard position + 2 < bytes.count, Self.isLetter(bytes[position + 2]) else {
                // `</>` is dropped; `</` before anything but a letter starts a bogus comment.
                skip(through: UInt8(ascii: ">"), from: position + 2)
                return nil
            }
            position += 2
            let name = tagName()
            guard attributes() != nil else { return nil }
            return .endTag(name: name)
        }
        position += 1
        let name = tagName()
        guard let (attributes, isSelfClosing) = attributes() else { return nil }
        if HTMLElement.rawText.contains(name) { rawTextElement = name }
        return .startTag(name: name, attributes: attributes, isSelfClosing: isSelfClosing)
    }

    /// Skips a comment starting at `position`: it ends at the first `-->` or `--!>` after `<!`, so `<!-->` and
    /// `<!--->` are empty comments, or at the end of the input.
    private mutating func skipComment() {
        var index = position + 2
        while index < bytes.count {
            if matches("-->", at: index) {
                position = index + 3
                return
            }
            if matches("--!>", at: index) {
                position = index + 4
                return
            }
            index += 1
        }
        position = bytes.count
    }

    private mutating func skip(through terminator: UInt8, from start: Int) {
        var index = start
        while index < bytes.count, bytes[index] != terminator { index += 1 }
        position = Swift.min(index + 1, bytes.count)
    }

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
    }

    private mutating func tagName() -> String {
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
              bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return String(decoding: bytes[start..<position].map(Self.lowercased), as: UTF8.self)
    }

    /// Reads attributes up to and including the tag's `>`; nil if the input ends first.
    private mutating func attributes() -> (attributes: [HTMLToken.Attribute], isSelfClosing: Bool)? {
        var attributes: [HTMLToken.Attribute] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return (attributes, false)
            }
            if byte == UInt8(ascii: "/") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    return (attributes, true)
                }
                continue
            }
            if Self.isWhitespace(byte) {
                position += 1
                continue
            }
            guard let attribute = attribute() else { return nil }
            attributes.append(attribute)
        }
        return nil
    }

    /// Reads one attribute starting at a character that is neither white space, `/` nor `>`.
    private mutating func attribute() -> HTMLToken.Attribute? {
        let nameStart = position
        position += 1  // A leading `=` belongs to the name.
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
              bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "=") {
            position += 1
        }
        let name = String(decoding: bytes[nameStart..<position].map(Self.lowercased), as: UTF8.self)
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
            return HTMLToken.Attribute(name: name, value: "")
        }
        position += 1
        skipWhitespace()
        guard position < bytes.count else { return nil }

        let quote = bytes[position]
        let valueStart: Int
        let valueEnd: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            valueStart = position + 1
            guard let close = bytes[valueStart...].firstIndex(of: quote) else {
                position = bytes.count
                return nil
            }
            valueEnd = close
            position = close + 1
        } else {
            valueStart = position
            while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            valueEnd = position
        }
        return HTMLToken.Attribute(name: name, value: HTMLEntities.decode(bytes[valueStart..<valueEnd], inAttribute: true))
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    // MARK: Bytes

    /// HTML's white space: tab, line feed, form feed, carriage return and space.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
