/// Makes mail HTML safe to show inside the agent UI, keeping its text and basic structure.
///
/// A whitelist: only simple formatting, list, table, link and image elements survive, with a few checked
/// attributes each; links only to `http`, `https` and `mailto`, images only from `cid:` parts and inline
/// `data:image/(png|gif|jpeg|webp);base64` (so no remote images that report the reader to the sender).
/// `style` and `class` are dropped everywhere. Scripts, styles, frames, plugins, forms, SVG, MathML and the
/// head go with their content; any other element goes but its text stays. Links open in a new tab with
/// `rel="noopener noreferrer"`.
///
/// The result is re-serialised from parsed tokens: all text and attribute values are escaped, every element
/// is closed, nesting is at most 256 deep. Attribute values are checked after decoding character references
/// and removing the control characters and white space browsers ignore in URLs, which defeats obfuscations
/// like `&#106;ava&#x09;script:`.
public enum HTMLSanitizer {
    /// The safe version of `html`.
    public static func sanitize(_ html: String) -> String {
        var writer = Writer()
        var skipper = HTMLContentSkipper(droppedElements: droppedElements)
        for token in HTMLTokenizer(html) where !skipper.skips(token) {
            writer.write(token)
        }
        return writer.finish()
    }

    private static let allowedElements: Set<String> = [
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small", "big", "font",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "hr",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "a", "img", "center",
    ]

    private static let droppedElements: Set<String> = [
        "script", "style", "iframe", "object", "embed", "noscript", "noembed", "noframes", "template", "head", "title",
        "svg", "math", "form", "textarea", "select", "button", "input",
    ]

    private static let maximumDepth = 256

    /// Elements whose start closes an open paragraph.
    private static let closesParagraph: Set<String> = [
        "p", "div", "center", "blockquote", "dl", "ol", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "hr",
        "li", "dd", "dt",
    ]

    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The elements that end the search for an open element to close.
    private static let scopeBoundaries: Set<String> = ["table", "td", "th", "caption"]

    /// The open elements a table part belongs in: the start tag is dropped unless one is open, and closes
    /// everything opened after the nearest one.
    private static let tableContainers: [String: Set<String>] = [
        "caption": ["table"], "colgroup": ["table"], "thead": ["table"], "tbody": ["table"], "tfoot": ["table"],
        "tr": ["table", "thead", "tbody", "tfoot"], "td": ["tr", "table", "thead", "tbody", "tfoot"],
        "th": ["tr", "table", "thead", "tbody", "tfoot"], "col": ["colgroup", "table"],
    ]

    /// Writes tokens as well-formed, whitelisted HTML.
    private struct Writer {
        private var output = ""
        private var open: [String] = []

        mutating func write(_ token: HTMLToken) {
            switch token {
            case .text(let text):
                output += HTMLText.escape(HTMLSanitizer.withoutControlCharacters(text, keepingLineBreaks: true))
            case .startTag(let name, let attributes, _):
                start(name, attributes: attributes)
            case .endTag("br"):
                output += "<br>"
            case .endTag(let name):
                end(name)
            }
        }

        mutating func finish() -> String {
            close(downTo: 0)
            return output
        }

        private mutating func start(_ name: String, attributes: [HTMLToken.Attribute]) {
            guard HTMLSanitizer.allowedElements.contains(name) else { return }
            if HTMLSanitizer.closesParagraph.contains(name), let paragraph = openIndex(of: ["p"]) {
                close(downTo: paragraph)
            }
            switch name {
            case _ where HTMLSanitizer.headings.contains(name):
                if let last = open.last, HTMLSanitizer.headings.contains(last) { close(downTo: open.count - 1) }
            case "li":
                if let item = openIndex(of: ["li"], boundaries: ["ol", "ul", "table", "td", "th", "caption"]) {
                    close(downTo: item)
                }
            case "dt", "dd":
                if let item = openIndex(of: ["dt", "dd"], boundaries: ["dl", "table", "td", "th", "caption"]) {
                    close(downTo: item)
                }
            case "a":
                if let link = openIndex(of: ["a"]) { close(downTo: link) }
            default:
                if let containers = HTMLSanitizer.tableContainers[name] {
                    guard let container = open.lastIndex(where: containers.contains) else { return }
                    close(downTo: container + 1)
                }
            }

            let isVoid = HTMLElement.void.contains(name)
            guard isVoid || open.count < HTMLSanitizer.maximumDepth else { return }
            output += "<" + name
            for (attribute, value) in HTMLSanitizer.allowedAttributes(of: name, attributes) {
                output += " " + attribute + "=\"" + HTMLText.escape(value) + "\""
            }
            output += ">"
            if !isVoid { open.append(name) }
        }

        private mutating func end(_ name: String) {
            let index: Int? = if HTMLSanitizer.headings.contains(name) {
                openIndex(of: HTMLSanitizer.headings)
            } else if HTMLSanitizer.tableContainers[name] != nil {
                openIndex(of: [name], boundaries: ["table"])
            } else if name == "table" {
                open.lastIndex(of: "table")
            } else {
                openIndex(of: [name])
            }
            if let index { close(downTo: index) }
        }

        /// The index of the innermost open element named in `names`, searching outwards no further than the
        /// innermost open element named in `boundaries`.
        private func openIndex(of names: Set<String>, boundaries: Set<String> = HTMLSanitizer.scopeBoundaries) -> Int? {
            for index in open.indices.reversed() {
                if names.contains(open[index]) { return index }
                if boundaries.contains(open[index]) { return nil }
            }
            return nil
        }

        /// Closes the open elements from the innermost down to and including the one at `index`.
        private mutating func close(downTo index: Int) {
            while open.count > index {
                output += "</" + open.removeLast() + ">"
            }
        }
    }

    // MARK: Attributes

    /// The attributes of `element` that survive, with their cleaned values: the first of each name, then
    /// `rel` and `target` for links.
    private static func allowedAttributes(of element: String, _ attributes: [HTMLToken.Attribute]) -> [(String, String)] {
        var seen: Set<String> = []
        var allowed: [(String, String)] = []
        for attribute in attributes where seen.insert(attribute.name).inserted {
            if let value = allowedValue(of: attribute.name, in: element, attribute.value) {
                allowed.append((attribute.name, value))
            }
        }
        if element == "a" {
            allowed.append(("rel", "noopener noreferrer"))
            allowed.append(("target", "_blank"))
        }
        return allowed
    }

    private static func allowedValue(of attribute: String, in element: String, _ value: String) -> String? {
        switch (element, attribute) {
        case ("a", "href"): link(value)
        case ("a", "title"), ("img", "alt"): withoutControlCharacters(value, keepingLineBreaks: false)
        case ("img", "src"): imageSource(value)
        case ("img", "width"), ("img", "height"), ("table", "width"): length(value)
        case ("td", "colspan"), ("td", "rowspan"), ("th", "colspan"), ("th", "rowspan"): integer(value, in: 1...1000)
        case ("table", "border"), ("table", "cellpadding"), ("table", "cellspacing"): integer(value, in: 0...1000)
        case ("td", "align"), ("th", "align"): keyword(value, of: ["left", "center", "right", "justify"])
        case ("td", "valign"), ("th", "valign"): keyword(value, of: ["top", "middle", "bottom", "baseline"])
        case ("font", "color"): color(value)
        case ("font", "size"): fontSize(value)
        default: nil
        }
    }

    /// `value` as a URL the way browsers read it (control characters and line breaks removed, spaces trimmed)
    /// if its scheme is `http`, `https` or `mailto`.
    private static func link(_ value: String) -> String? {
        let url = cleanedURL(value)
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = String(decoding: url.utf8[..<colon].map { $0 | 0x20 }, as: UTF8.self)
        return ["http", "https", "mailto"].contains(scheme) ? url : nil
    }

    /// `value` cleaned like a link if it refers to a MIME part (`cid:`) or is a base64 PNG, GIF, JPEG or WebP
    /// data URL.
    private static func imageSource(_ value: String) -> String? {
        let source = cleanedURL(value)
        let lowercased = source.lowercased()
        if lowercased.hasPrefix("cid:"), source.count > 4 { return source }
        for type in ["png", "gif", "jpeg", "webp"] {
            let prefix = "data:image/" + type + ";base64,"
            guard lowercased.hasPrefix(prefix) else { continue }
            let data = source.utf8.dropFirst(prefix.utf8.count)
            return !data.isEmpty && data.allSatisfy(isBase64) ? source : nil
        }
        return nil
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// `value` without ASCII control characters, and without the spaces around it.
    private static func cleanedURL(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
            .trimmingSpaces()
    }

    /// A number of pixels or a percentage, such as `600`, `600px` or `100%`.
    private static func length(_ value: String) -> String? {
        let trimmed = value.trimmingSpaces().lowercased()
        let number = trimmed.hasSuffix("%") ? trimmed.dropLast() : trimmed.hasSuffix("px") ? trimmed.dropLast(2) : trimmed[...]
        guard (1...5).contains(number.count), number.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return trimmed
    }

    private static func integer(_ value: String, in range: ClosedRange<Int>) -> String? {
        let trimmed = value.trimmingSpaces()
        guard trimmed.utf8.count <= 4, trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let number = Int(trimmed), range.contains(number)
        else { return nil }
        return String(number)
    }

    private static func keyword(_ value: String, of keywords: Set<String>) -> String? {
        let keyword = value.trimmingSpaces().lowercased()
        return keywords.contains(keyword) ? keyword : nil
    }

    /// `#rgb`, `#rrggbb` or a colour name (ASCII letters only).
    private static func color(_ value: String) -> String? {
        let color = value.trimmingSpaces()
        let bytes = Array(color.utf8)
        let isHexDigit = { (byte: UInt8) in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        if bytes.first == UInt8(ascii: "#") {
            return (bytes.count == 4 || bytes.count == 7) && bytes.dropFirst().allSatisfy(isHexDigit) ? color : nil
        }
        let isName = (1...30).contains(bytes.count) && bytes.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
        return isName ? color : nil
    }

    /// `1` to `7`, optionally relative (`+1`, `-2`).
    private static func fontSize(_ value: String) -> String? {
        let size = value.trimmingSpaces()
        let digits = size.hasPrefix("+") || size.hasPrefix("-") ? size.dropFirst() : size[...]
        guard digits.count == 1, let number = Int(digits), (1...7).contains(number) else { return nil }
        return size
    }

    /// `text` without C0 control characters and DEL, except tab and, if `keepingLineBreaks`, line feed and
    /// carriage return.
    private static func withoutControlCharacters(_ text: String, keepingLineBreaks: Bool) -> String {
        let kept = text.unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" || keepingLineBreaks && ($0 == "\n" || $0 == "\r")
        }
        return kept.count == text.unicodeScalars.count ? text : String(String.UnicodeScalarView(kept))
    }
}

extension String {
    /// The string without leading and trailing spaces (U+0020).
    fileprivate func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }
}
