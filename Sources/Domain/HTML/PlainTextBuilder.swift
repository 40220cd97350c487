import Foundation

/// Collects text for `HTMLText.plainText(fromHTML:)`: collapses white space the way a browser does and turns
/// requested breaks into newlines only once text follows them.
struct PlainTextBuilder {
    private var text = ""
    /// Newlines (1 for a line break, 2 for a blank line) owed before the next text.
    private var pendingBreaks = 0
    /// Whether white space was seen since the last text.
    private var pendingSpace = false
    /// The list marker owed before the next text.
    private var pendingMarker: String?
    /// Whether break requests are ignored until the next text, as at the start of a list item or table cell.
    private var isSuppressingBreaks = false
    /// Whether a table row has started and no text followed yet.
    private var isAtRowStart = false

    /// Asks for at least `lines` newlines before the next text.
    mutating func requestBreak(_ lines: Int) {
        guard !isSuppressingBreaks else { return }
        pendingBreaks = max(pendingBreaks, lines)
    }

    /// Starts a list item: a new line beginning with `- `.
    mutating func startListItem() {
        requestBreak(1)
        pendingMarker = "- "
        isSuppressingBreaks = true
    }

    /// Starts a table row on a new line.
    mutating func startTableRow() {
        requestBreak(1)
        isAtRowStart = true
    }

    /// Starts a table cell: after the row's first text, separated from the previous cell by a space only.
    mutating func startTableCell() {
        if !isAtRowStart {
            pendingBreaks = 0
            pendingSpace = true
        }
        isSuppressingBreaks = true
    }

    mutating func appendLineBreak() {
        flushBreaks()
        text += "\n"
        pendingSpace = false
    }

    /// Text whose runs of white space collapse to one space.
    mutating func appendFlowing(_ flowing: String) {
        var word = String.UnicodeScalarView()
        for scalar in flowing.unicodeScalars {
            if scalar.isASCII, HTMLTokenizer.isWhitespace(UInt8(scalar.value)) {
                if !word.isEmpty {
                    append(String(word))
                    word = String.UnicodeScalarView()
                }
                pendingSpace = true
            } else {
                word.append(scalar == "\u{A0}" ? " " : scalar)
            }
        }
        if !word.isEmpty { append(String(word)) }
    }

    /// Text kept as it is, with its line breaks made `\n`.
    mutating func appendPreformatted(_ preformatted: String) {
        append(preformatted.replacingLineEndings())
    }

    /// The text with trailing white space removed from every line, at most one blank line in a row and none at
    /// the start or end.
    mutating func finish() -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = line
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private mutating func append(_ content: String) {
        if pendingBreaks > 0 {
            flushBreaks()
        } else if pendingSpace, let last = text.unicodeScalars.last, last != " ", last != "\n" {
            text += " "
        }
        if let marker = pendingMarker {
            text += marker
            pendingMarker = nil
        }
        pendingSpace = false
        isSuppressingBreaks = false
        isAtRowStart = false
        text += content
    }

    /// Writes the owed newlines, counting those already at the end; none at the very start.
    private mutating func flushBreaks() {
        defer { pendingBreaks = 0 }
        guard pendingBreaks > 0, !text.isEmpty else { return }
        let trailing = text.utf8.reversed().prefix(pendingBreaks).prefix(while: { $0 == UInt8(ascii: "\n") }).count
        if pendingBreaks > trailing {
            text += String(repeating: "\n", count: pendingBreaks - trailing)
        }
    }
}

extension String {
    /// The string with `\r\n` and lone `\r` turned into `\n`.
    fileprivate func replacingLineEndings() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
