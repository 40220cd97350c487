/// A command as the client writes it, without its tag: text interleaved with literals (sent as `{n}` and the bytes,
/// after the server's go-ahead unless it supports `LITERAL+`).
struct IMAPCommand: Sendable {
    enum Part: Sendable {
        case text(String)
        case literal([UInt8])
        /// Bytes sent on a line of their own once the server answers `+` (a SASL response).
        case afterContinuation([UInt8])
    }

    /// The command's name, for error messages (never its arguments, which may hold a password).
    let name: String
    var parts: [Part]

    init(_ name: String, _ parts: Part...) {
        self.name = name
        self.parts = [.text(name)] + parts
    }

    /// ` ` followed by `value` as an IMAP string: quoted when that is safe, else a literal (8-bit, CR, LF, long).
    static func string(_ value: String) -> [Part] {
        let bytes = Array(value.utf8)
        let quotable = bytes.count < 1000 && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard quotable else { return [.text(" "), .literal(bytes)] }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return [.text(" \"" + escaped + "\"")]
    }

    /// A mailbox name: modified UTF-7 (RFC 3501 5.1.3) in a quoted string or literal.
    static func mailbox(_ name: String) -> [Part] {
        string(IMAPMailboxName.encode(name))
    }

    /// Appends parts.
    func with(_ more: [Part]) -> IMAPCommand {
        var copy = self
        copy.parts += more
        return copy
    }
}
