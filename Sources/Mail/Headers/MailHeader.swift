/// One header field of a message or MIME part: the name as written, the value unfolded, and that value with its
/// RFC 2047 encoded words decoded.
///
/// Values never contain CR, LF or NUL: folding is undone, and line breaks or NULs that encoded words or broken
/// mailers put into a value become spaces or are removed, so a value can be stored and shown as it is.
public struct MailHeader: Sendable, Hashable {
    /// The field name as written, such as `Subject` (compare names with ``isNamed(_:)``).
    public let name: String
    /// The unfolded value with encoded words left as they are, as address and parameter parsing need it.
    public let rawValue: String
    /// The unfolded value with encoded words (`=?utf-8?Q?…?=`) decoded, for display.
    public let value: String

    /// A field from a name and an unfolded raw value; ``value`` is decoded from it.
    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = HeaderText.sanitized(rawValue)
        self.value = HeaderText.sanitized(EncodedWords.decode(self.rawValue).text)
    }

    /// A field whose raw value is already unfolded and free of CR, LF and NUL, as the parser makes them.
    init(name: String, unfoldedRawValue rawValue: String) {
        self.name = name
        self.rawValue = rawValue
        self.value = EncodedWords.mightContainEncodedWord(rawValue)
            ? HeaderText.sanitized(EncodedWords.decode(rawValue).text) : rawValue
    }

    /// Whether the field is called `name`, ignoring ASCII case.
    public func isNamed(_ name: String) -> Bool {
        ASCII.equalsIgnoringCase(self.name, name)
    }
}
