/// A mailbox: an address and, if given, the name shown for it, as in `"Müller, Hans" <hans.mueller@example.org>`.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name, decoded (RFC 2047), without quotes; nil if there is none.
    public var name: String?
    /// The address, such as `hans.mueller@example.org`, without angle brackets.
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The first mailbox in `header`, parsed as ``list(parsing:)`` does; nil if there is none.
    public init?(parsing header: String) {
        guard let first = Self.list(parsing: header).first else { return nil }
        self = first
    }

    /// The mailboxes in an address list header value (From, To, Cc, Reply-To …), raw or decoded.
    ///
    /// Understands display names as atoms, quoted strings and encoded words, comments (`hans@example.org (Hans)`
    /// gives the name `Hans`), groups (`Team: a@example.org, b@example.org;`, members listed, empty groups such as
    /// `undisclosed-recipients:;` give nothing), routes and `mailto:`. Forgiving: an unquoted name with a comma
    /// (`Müller, Hans <hans@example.org>`, as some mailers write it) stays one name, a name before a bare address
    /// (`Hans hans@example.org`) is kept, and a missing `>` is tolerated. Entries with nothing that looks like an
    /// address are skipped; the header itself stays available.
    public static func list(parsing header: String) -> [MailAddress] {
        AddressListParser.parse(header)
    }

    /// The part before the last `@`.
    public var localPart: String {
        guard let at = address.utf8.lastIndex(of: ASCII.at) else { return address }
        return String(address[..<at])
    }

    /// The part after the last `@`, or nil for an address without domain.
    public var domain: String? {
        guard let at = address.utf8.lastIndex(of: ASCII.at) else { return nil }
        return String(address[address.utf8.index(after: at)...])
    }

    /// `Name <address>`, or the address alone: for display and logs, not for writing headers.
    public var description: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }
}
