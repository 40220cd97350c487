import Domain
import Foundation

/// An article's body as the ticket page shows it: the sanitised HTML the store keeps, with inline images
/// (`cid:`) pointing at their attachments, or the plain text escaped; in both, quoted text (`>` lines, the
/// quoted part of a reply, `<blockquote>`) folded into a `<details>` the reader can open.
struct ArticleBody {
    /// The `<summary>` of a folded quotation, in the page's language.
    let quoteLabel: String
    /// False for the print view, which shows quotations open.
    var foldsQuotes = true

    /// HTML to insert unescaped: built only from the sanitised HTML or from escaped text.
    func html(of article: Article, inlineImages: [String: Int64]) -> String {
        if let html = article.bodyHTML { return foldingBlockquotes(pointingImages(html, to: inlineImages)) }
        return text(article.bodyText)
    }

    /// Plain text with `>` quotations and everything from a reply's quotation header on folded.
    func text(_ body: String) -> String {
        var output = ""
        var plain: [Substring] = []
        var quoted: [Substring] = []
        func flushPlain() {
            if !plain.isEmpty { output += "<div class=\"text\">" + Self.escaped(plain.joined(separator: "\n")) + "</div>" }
            plain = []
        }
        func flushQuoted() {
            if !quoted.isEmpty { output += fold("<div class=\"text\">" + Self.escaped(quoted.joined(separator: "\n")) + "</div>") }
            quoted = []
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        for (index, line) in lines.enumerated() {
            if Self.startsQuotedReply(line) {
                flushPlain()
                flushQuoted()
                quoted = Array(lines[index...])
                flushQuoted()
                return output
            }
            if line.hasPrefix(">") {
                flushPlain()
                quoted.append(line)
            } else {
                flushQuoted()
                plain.append(line)
            }
        }
        flushPlain()
        flushQuoted()
        return output
    }

    /// Lines mail programs put above the message they quote.
    static func startsQuotedReply(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if ["-----Original Message-----", "-----Ursprüngliche Nachricht-----", "---------- Forwarded message ---------"].contains(trimmed) { return true }
        guard trimmed.hasSuffix(":") else { return false }
        return (trimmed.hasPrefix("Am ") && trimmed.contains(" schrieb ")) || (trimmed.hasPrefix("On ") && trimmed.contains(" wrote"))
    }

    private func fold(_ html: String) -> String {
        guard foldsQuotes else { return "<div class=\"quote\">" + html + "</div>" }
        return "<details class=\"quote\"><summary>" + Self.escaped(quoteLabel) + "</summary>" + html + "</details>"
    }

    /// `src="cid:ID"` of inline images replaced by the agent route of the attachment with that content id.
    func pointingImages(_ html: String, to inlineImages: [String: Int64]) -> String {
        guard html.contains("cid:") else { return html }
        var result = html
        for (contentID, attachmentID) in inlineImages {
            let bare = contentID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            result = result.replacingOccurrences(of: "\"cid:\(bare)\"", with: "\"/agent/attachments/\(attachmentID)\"")
        }
        return result
    }

    /// Every outermost `<blockquote>` wrapped in a folded `<details>`.
    func foldingBlockquotes(_ html: String) -> String {
        var output = ""
        var depth = 0
        var copied = html.startIndex
        var search = html.startIndex
        while true {
            let open = html.range(of: "<blockquote", options: .caseInsensitive, range: search..<html.endIndex)
            let close = html.range(of: "</blockquote>", options: .caseInsensitive, range: search..<html.endIndex)
            guard let next = [open, close].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            if next == open {
                if depth == 0 {
                    output += html[copied..<next.lowerBound]
                    copied = next.lowerBound
                }
                depth += 1
            } else if depth > 0 {
                depth -= 1
                if depth == 0 {
                    output += fold(String(html[copied..<next.upperBound]))
                    copied = next.upperBound
                }
            }
            search = next.upperBound
        }
        return output + html[copied...]
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
