/// Decoding of RFC 2047 encoded words (`=?iso-8859-1?Q?M=FCller?=`), forgiving what real mailers get wrong.
///
/// Accepted beyond the standard: encoded words inside other text and inside quoted strings, lower-case `q`/`b`,
/// spaces inside Q-encoded text, a missing `?=` (the word then ends at the next white space), base64 without
/// padding, RFC 2231 language suffixes (`utf-8*de`), and characters split across adjacent words (the bytes of
/// adjacent words in the same charset are joined before decoding, as Outlook splits UTF-8 sequences). White space
/// between adjacent encoded words is dropped, as the standard says. Wrong or unknown charset names degrade as in
/// ``Charset``.
enum EncodedWords {
    struct Decoded {
        var text: String
        /// Whether something had to be guessed: a missing terminator, bytes that did not fit the charset.
        var malformed: Bool
    }

    static func decode(_ value: String) -> Decoded {
        guard mightContainEncodedWord(value) else { return Decoded(text: value, malformed: false) }
        var bytes = Array(value.utf8)
        return bytes.withUnsafeMutableBufferPointer { decode(UnsafeBufferPointer($0)) }
    }

    static func mightContainEncodedWord(_ value: String) -> Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == ASCII.equals, byte == ASCII.question { return true }
                previous = byte
            }
            return false
        }
        return value.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(value.utf8)
    }

    private struct Word {
        var charset: ArraySlice<UInt8>
        var bytes: [UInt8]
        var end: Int
        var malformed: Bool
        var terminated: Bool
    }

    private static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Decoded {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var pending: [UInt8] = []
        var pendingCharset: ArraySlice<UInt8>?
        var malformed = false
        var previousUnterminated = false
        var textStart = 0
        var index = 0
        let count = input.count

        func flush() {
            guard let charset = pendingCharset else { return }
            let decoded = pending.withUnsafeBufferPointer {
                Charset.decodeReporting($0, charset: String(decoding: charset, as: UTF8.self))
            }
            if decoded.problem != nil { malformed = true }
            output.append(contentsOf: decoded.text.utf8)
            pending.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }

        while index + 1 < count {
            guard input[index] == ASCII.equals, input[index + 1] == ASCII.question,
                  let word = parseWord(input, at: index)
            else {
                index += 1
                continue
            }
            let gap = UnsafeBufferPointer(rebasing: input[textStart..<index])
            // White space between words is dropped, except after a word whose `?=` was missing: that word ended
            // at the white space, which belongs to the text.
            let gapIsBlank = !previousUnterminated && gap.allSatisfy(ASCII.isWhitespace)
            previousUnterminated = !word.terminated
            if let charset = pendingCharset, gapIsBlank {
                if !ASCII.equalsIgnoringCase(charset, word.charset) {
                    flush()
                    pendingCharset = word.charset
                }
            } else {
                flush()
                output.append(contentsOf: gap)
                pendingCharset = word.charset
            }
            pending.append(contentsOf: word.bytes)
            if word.malformed { malformed = true }
            index = word.end
            textStart = index
        }
        flush()
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[textStart..<count]))
        return Decoded(text: String(decoding: output, as: UTF8.self), malformed: malformed)
    }

    /// The encoded word starting with `=?` at `start`, or nil if there is none.
    private static func parseWord(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Word? {
        let count = input.count
        var index = start + 2
        let charsetStart = index
        while index < count, input[index] != ASCII.question {
            let byte = input[index]
            if byte <= ASCII.space || byte >= 0x7F || byte == ASCII.equals || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index + 2 < count, index > charsetStart, input[index + 2] == ASCII.question else { return nil }
        var charset = input[charsetStart..<index]
        if let star = charset.firstIndex(of: ASCII.asterisk) { charset = charset[..<star] }
        let encoding = ASCII.lowercased(input[index + 1])
        guard encoding == UInt8(ascii: "q") || encoding == UInt8(ascii: "b") else { return nil }
        let textStart = index + 3

        // The text ends at `?=`, unless another encoded word starts first: then the terminator is missing.
        var terminator: Int?
        var scan = textStart
        while scan + 1 < count {
            if input[scan] == ASCII.question, input[scan + 1] == ASCII.equals {
                terminator = scan
                break
            }
            // `=?` starts another word, unless it is padding or an `=` followed by this word's `?=`.
            if input[scan] == ASCII.equals, input[scan + 1] == ASCII.question,
               !(scan + 2 < count && input[scan + 2] == ASCII.equals) {
                break
            }
            scan += 1
        }
        let textEnd: Int
        let end: Int
        if let terminator {
            textEnd = terminator
            end = terminator + 2
        } else {
            var stop = textStart
            while stop < count, !ASCII.isWhitespace(input[stop]), !(stop + 1 < count && input[stop] == ASCII.equals
                && input[stop + 1] == ASCII.question && stop > textStart) {
                stop += 1
            }
            textEnd = stop
            end = stop
        }
        let text = UnsafeBufferPointer(rebasing: input[textStart..<textEnd])
        var malformed = terminator == nil
        let bytes: [UInt8]
        if encoding == UInt8(ascii: "b") {
            let decoded = Base64.decode(text)
            if decoded.invalidCharacters > 0 { malformed = true }
            bytes = decoded.bytes
        } else {
            bytes = decodeQ(text)
        }
        return Word(charset: ArraySlice(charset), bytes: bytes, end: end, malformed: malformed,
                    terminated: terminator != nil)
    }

    /// The "Q" encoding: `_` is a space, `=XY` a byte, anything else itself.
    private static func decodeQ(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == ASCII.underscore {
                bytes.append(ASCII.space)
            } else if byte == ASCII.equals, index + 2 < text.count, let high = ASCII.hexValue(text[index + 1]),
                      let low = ASCII.hexValue(text[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return bytes
    }
}
