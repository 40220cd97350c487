/// Clean-up of file names from mail, which name a file and nothing else.
enum FileName {
    /// `name` without directories (`/` or `\`), control characters and surrounding white space; nil if nothing
    /// is left.
    static func cleaned(_ name: String) -> String? {
        var text = name
        if let separator = text.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
            text = String(text[text.index(after: separator)...])
        }
        text = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
            .map(Character.init))
        text = ASCII.trimmed(text)
        return text.isEmpty || text == "." || text == ".." ? nil : text
    }
}
