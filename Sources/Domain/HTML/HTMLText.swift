/// Conversions between HTML and plain text.
public enum HTMLText {
    /// The readable text of `html`, as for a plain-text article body or the search index.
    ///
    /// Block elements start new lines, paragraphs, headings, lists and tables are set off by a blank line
    /// (a single line break inside list items and table cells), `<br>` breaks the line, list items start with
    /// `- `, each table row is a line with its cells separated by spaces. Character references are decoded, `&nbsp;` becomes a space
    /// that is kept; scripts, styles, the head and other invisible content are dropped. White space is
    /// collapsed as a browser would, except in `pre`; lines lose trailing white space, there is at most one
    /// blank line in a row and none at the start or end.
    public static func plainText(fromHTML html: String) -> String {
        var builder = PlainTextBuilder()
        var skipper = HTMLContentSkipper(droppedElements: invisibleElements)
        var open: [String] = []

        for token in HTMLTokenizer(html) where !skipper.skips(token) {
            switch token {
            case .text(let text):
                if open.contains("pre") {
                    builder.appendPreformatted(text)
                } else {
                    builder.appendFlowing(text)
                }
            case .startTag("br", _, _):
                builder.appendLineBreak()
            case .startTag(let name, _, _):
                if name == "li" {
                    builder.startListItem()
                } else if name == "tr" {
                    builder.startTableRow()
                } else if name == "td" || name == "th" {
                    builder.startTableCell()
                } else if let lines = lineBreaks(around: name, inside: open) {
                    builder.requestBreak(lines)
                }
                if !HTMLElement.void.contains(name), open.count < maximumDepth { open.append(name) }
            case .endTag(let name):
                if let index = open.lastIndex(of: name) { open.removeSubrange(index...) }
                if let lines = lineBreaks(around: name, inside: open) { builder.requestBreak(lines) }
            }
        }
        return builder.finish()
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in HTML text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
        else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    private static let maximumDepth = 256

    private static let invisibleElements: Set<String> = [
        "script", "style", "head", "title", "template", "noscript", "noembed", "noframes", "svg", "math", "iframe",
        "object", "select",
    ]

    private static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr", "ul", "ol", "dl", "figure",
        "address", "fieldset",
    ]

    private static let lineElements: Set<String> = [
        "div", "dt", "dd", "tr", "caption", "center", "section", "article", "aside", "header", "footer", "nav", "main",
        "figcaption", "details", "summary", "form", "legend", "li",
    ]

    /// The line breaks (1) or blank line (2) that set off element `name` when `open` elements enclose it, or
    /// nil for an inline element.
    private static func lineBreaks(around name: String, inside open: [String]) -> Int? {
        if lineElements.contains(name) { return 1 }
        guard paragraphElements.contains(name) else { return nil }
        return open.contains(where: { $0 == "li" || $0 == "td" || $0 == "th" }) ? 1 : 2
    }
}
