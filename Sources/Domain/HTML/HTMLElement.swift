/// What the HTML parsing rules say about particular elements, by lowercase tag name.
enum HTMLElement {
    /// Elements that never have content or an end tag.
    static let void: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    ]

    /// Elements whose content is text up to their end tag, never markup.
    static let rawText: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
    ]

    /// Raw-text elements whose content still has character references decoded.
    static let escapableRawText: Set<String> = ["textarea", "title"]

    /// Elements that may appear in a document's head without ending it.
    static let headContent: Set<String> = [
        "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template", "title",
    ]
}
