/// The parser behind ``MailAddress/list(parsing:)``: tokens first, then mailboxes and groups from the tokens.
enum AddressListParser {
    private enum Token {
        case word(String)
        case quoted(String)
        case comment(String)
        case angle(String)
        case comma
        case semicolon
        case colon
    }

    /// What one entry of the list held before it is turned into a mailbox.
    private struct Entry {
        var words: [String] = []
        var comments: [String] = []
        var angle: String?

        var isEmpty: Bool { words.isEmpty && comments.isEmpty && angle == nil }
    }

    static func parse(_ header: String) -> [MailAddress] {
        var bytes = Array(header.utf8)
        let tokens = bytes.withUnsafeMutableBufferPointer { tokenize(UnsafeBufferPointer($0)) }
        var result: [MailAddress] = []
        var entry = Entry()
        var inGroup = false
        // A name-only entry (`Müller` of `Müller, Hans <…>`) waiting to be joined with the next entry's name.
        var danglingName: [String]?

        func finish() {
            defer { entry = Entry() }
            if let angle = entry.angle {
                var phrase = entry.words.joined(separator: " ")
                if let dangling = danglingName {
                    let first = dangling.joined(separator: " ")
                    phrase = phrase.isEmpty ? first : first + ", " + phrase
                    danglingName = nil
                }
                let address = cleanAddress(angle)
                guard !address.isEmpty else { return }
                result.append(MailAddress(address, name: displayName(phrase, comments: entry.comments, address: address)))
                return
            }
            flushDangling()
            guard !entry.isEmpty else { return }
            if let atIndex = entry.words.firstIndex(where: { $0.utf8.contains(ASCII.at) && $0.utf8.count > 1 }),
               entry.words.filter({ $0.utf8.contains(ASCII.at) }).count == 1 {
                let address = cleanAddress(entry.words[atIndex])
                let phrase = entry.words[..<atIndex].joined(separator: " ")
                if !address.isEmpty {
                    result.append(MailAddress(address, name: displayName(phrase, comments: entry.comments,
                                                                         address: address)))
                }
            } else if entry.words.contains(where: { $0.utf8.contains(ASCII.at) }) {
                let address = cleanAddress(entry.words.joined())
                if !address.isEmpty {
                    result.append(MailAddress(address, name: displayName("", comments: entry.comments, address: address)))
                }
            } else if !entry.words.isEmpty {
                danglingName = entry.words
            }
        }

        /// A name-only entry that no named address followed: a bare local address (`root`) if it is one word.
        func flushDangling() {
            guard let words = danglingName else { return }
            danglingName = nil
            if words.count == 1, let word = words.first, !word.isEmpty,
               !word.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                result.append(MailAddress(word))
            }
        }

        for token in tokens {
            switch token {
            case .word(let text), .quoted(let text):
                if entry.angle == nil { entry.words.append(text) }
            case .comment(let text):
                entry.comments.append(text)
            case .angle(let text):
                if entry.angle == nil { entry.angle = text }
            case .comma:
                finish()
            case .semicolon:
                finish()
                inGroup = false
            case .colon:
                if !inGroup, entry.angle == nil, !entry.words.isEmpty {
                    // The words were a group's name.
                    entry = Entry()
                    danglingName = nil
                    inGroup = true
                }
            }
        }
        finish()
        flushDangling()
        return result
    }

    private static func displayName(_ phrase: String, comments: [String], address: String) -> String? {
        var name = phrase
        if name.isEmpty { name = comments.joined(separator: " ") }
        name = EncodedWords.decode(name).text
        name = HeaderText.sanitized(ASCII.trimmed(name))
        // Outlook's 'Name' and doubled quotes (two levels at most, so that hostile names cost linear time).
        for _ in 0..<2 {
            guard let first = name.first, let last = name.last, name.index(after: name.startIndex) < name.endIndex,
                  (first == "'" && last == "'") || (first == "\"" && last == "\"")
            else { break }
            name = ASCII.trimmed(String(name.dropFirst().dropLast()))
        }
        if name.isEmpty || name == address { return nil }
        return name
    }

    /// The address with routes, `mailto:`, white space and stray brackets removed.
    private static func cleanAddress(_ raw: String) -> String {
        var address = raw
        if raw.utf8.contains(where: { ASCII.isWhitespace($0) || $0 == ASCII.lessThan || $0 == ASCII.greaterThan || $0 >= 0x80 }) {
            address = raw.filter { !$0.isWhitespace && $0 != "<" && $0 != ">" }
        }
        if address.first == "@", let colon = address.firstIndex(of: ":") {
            address = String(address[address.index(after: colon)...])
        }
        if address.count > 7, ASCII.lowercased(String(address.prefix(7))) == "mailto:" {
            address = String(address.dropFirst(7))
        }
        return HeaderText.sanitized(address)
    }

    private static func tokenize(_ input: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        let count = input.count
        var index = 0
        while index < count {
            let byte = input[index]
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf:
                index += 1
            case ASCII.comma:
                tokens.append(.comma)
                index += 1
            case ASCII.semicolon:
                tokens.append(.semicolon)
                index += 1
            case ASCII.colon:
                tokens.append(.colon)
                index += 1
            case ASCII.quote:
                var text: [UInt8] = []
                index += 1
                while index < count, input[index] != ASCII.quote {
                    if input[index] == ASCII.backslash, index + 1 < count { index += 1 }
                    text.append(input[index])
                    index += 1
                }
                index += 1
                tokens.append(.quoted(String(decoding: text, as: UTF8.self)))
            case ASCII.openParen:
                var depth = 0
                var text: [UInt8] = []
                while index < count {
                    let current = input[index]
                    if current == ASCII.backslash, index + 1 < count {
                        text.append(input[index + 1])
                        index += 2
                        continue
                    }
                    if current == ASCII.openParen {
                        depth += 1
                        if depth > 1 { text.append(current) }
                    } else if current == ASCII.closeParen {
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            break
                        }
                        text.append(current)
                    } else {
                        text.append(current)
                    }
                    index += 1
                }
                tokens.append(.comment(ASCII.trimmed(String(decoding: text, as: UTF8.self))))
            case ASCII.lessThan:
                let start = index + 1
                index = start
                while index < count, input[index] != ASCII.greaterThan, input[index] != ASCII.comma || isInsideRoute(input, start, index) {
                    index += 1
                }
                tokens.append(.angle(String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)))
                if index < count, input[index] == ASCII.greaterThan { index += 1 }
            case ASCII.greaterThan:
                index += 1
            default:
                let start = index
                // An encoded word may hold specials that mailers forgot to encode (`=?utf-8?Q?M=C3=BCller,_Hans?=`).
                if let end = encodedWordEnd(input, at: index) { index = end }
                while index < count {
                    let current = input[index]
                    if ASCII.isWhitespace(current) || current == ASCII.quote || current == ASCII.openParen
                        || current == ASCII.lessThan || current == ASCII.greaterThan || current == ASCII.comma
                        || current == ASCII.semicolon || current == ASCII.colon {
                        break
                    }
                    index += 1
                }
                // `mailto:` and encoded words' `?=` are no specials here.
                if index < count, input[index] == ASCII.colon,
                   ASCII.equalsIgnoringCase(input[start..<index], "mailto".utf8) {
                    index += 1
                    while index < count, !ASCII.isWhitespace(input[index]), input[index] != ASCII.comma,
                          input[index] != ASCII.semicolon, input[index] != ASCII.lessThan {
                        index += 1
                    }
                }
                tokens.append(.word(String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)))
            }
        }
        return tokens
    }

    /// The index after the encoded word starting at `start`, if one starts there and ends before white space.
    private static func encodedWordEnd(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = input.count
        guard start + 1 < count, input[start] == ASCII.equals, input[start + 1] == ASCII.question else { return nil }
        var questionMarks = 0
        var index = start + 2
        while index < count, !ASCII.isWhitespace(input[index]) {
            if input[index] == ASCII.question {
                questionMarks += 1
                if questionMarks >= 3, index + 1 < count, input[index + 1] == ASCII.equals { return index + 2 }
            }
            index += 1
        }
        return nil
    }

    /// Whether a comma at `index` inside `<…>` belongs to a source route (`<@a,@b:user@c>`).
    private static func isInsideRoute(_ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ index: Int) -> Bool {
        start < input.count && input[start] == ASCII.at
    }
}
