/// One piece of HTML as `HTMLTokenizer` reads it. Comments, doctypes and processing instructions yield no token.
enum HTMLToken: Equatable {
    /// An attribute of a start tag: the name lowercased, the value with character references decoded.
    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// Text with character references decoded (except in raw-text elements such as `script`).
    case text(String)
    /// A start tag; the name is lowercased, attributes keep their order, repeats included.
    case startTag(name: String, attributes: [Attribute], isSelfClosing: Bool)
    /// An end tag; the name is lowercased.
    case endTag(name: String)
}
