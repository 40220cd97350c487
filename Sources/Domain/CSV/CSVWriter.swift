/// Writes CSV as RFC 4180 describes it (comma, CRLF, fields quoted when they hold a comma, quote or line break),
/// with a UTF-8 byte-order mark so that spreadsheet programs read umlauts right.
public struct CSVWriter: Sendable {
    public private(set) var text = "\u{FEFF}"

    public init() {}

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it must be; a leading `=`, `+`, `-` or `@` gets a `'` so spreadsheets do not run it as a formula.
    static func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
