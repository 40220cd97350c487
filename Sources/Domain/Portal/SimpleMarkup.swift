/// The small formatting language of form texts, safe to show: paragraphs (separated by blank lines), lists
/// (lines starting with `- ` or `* `), `**bold**` and links `[text](https://…)` (http, https and mailto only).
/// Everything else is text: HTML in the source is escaped, and the result passes `HTMLSanitizer` once more.
public enum SimpleMarkup {
    /// The sanitised HTML for `source`.
    public static func html(_ source: String) -> String {
        let lines = source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [String] = []
        var paragraph: [String] = []
        var list: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append("<p>" + paragraph.joined(separator: "<br>") + "</p>") }
            if !list.isEmpty { blocks.append("<ul>" + list.map { "<li>" + $0 + "</li>" }.joined() + "</ul>") }
            paragraph = []
            list = []
        }
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty { flush() }
                list.append(inline(String(line.dropFirst(2))))
            } else {
                if !list.isEmpty { flush() }
                paragraph.append(inline(line))
            }
        }
        flush()
        return HTMLSanitizer.sanitize(blocks.joined())
    }

    /// One line: escaped, with bold and links.
    private static func inline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        var bold = false
        while let character = rest.first {
            if rest.hasPrefix("**") {
                output += bold ? "</strong>" : "<strong>"
                bold.toggle()
                rest = rest.dropFirst(2)
            } else if character == "[", let link = link(at: rest) {
                output += "<a href=\"" + HTMLText.escape(link.url) + "\">" + HTMLText.escape(link.text) + "</a>"
                rest = link.rest
            } else {
                output += HTMLText.escape(String(character))
                rest = rest.dropFirst()
            }
        }
        return output + (bold ? "</strong>" : "")
    }

    /// `[text](url)` at the start of `text`, when the URL uses an allowed scheme.
    private static func link(at text: Substring) -> (text: String, url: String, rest: Substring)? {
        guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix("("),
              let end = text[close...].firstIndex(of: ")") else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let url = text[text.index(close, offsetBy: 2)..<end].trimmingCharacters(in: .whitespaces)
        let lowered = url.lowercased()
        guard !label.isEmpty, !url.contains(" "), ["https://", "http://", "mailto:"].contains(where: { lowered.hasPrefix($0) }) else { return nil }
        return (String(label), url, text[text.index(after: end)...])
    }
}
