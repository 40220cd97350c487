/// Writing address lists: display names as atoms, quoted strings or encoded words.
extension HeaderEncoder {
    /// The tokens of an address list, mailboxes separated by commas.
    static func addressListTokens(_ addresses: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var mailbox = mailboxTokens(address)
            if index < addresses.count - 1, let last = mailbox.popLast() { mailbox.append(last + ",") }
            tokens += mailbox
        }
        return tokens
    }

    /// `Name <address>` with the name as atoms, a quoted string or encoded words; the address alone if there is
    /// no name. The address must have been checked.
    static func mailboxTokens(_ address: MailAddress) -> [String] {
        let name = ASCII.trimmed(clean(address.name ?? ""))
        guard !name.isEmpty else { return [address.address] }
        let angle = "<\(address.address)>"
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), !name.contains("=?") {
            let words = name.split(separator: " ").map(String.init)
            if words.allSatisfy({ $0.utf8.allSatisfy(isAtext) && $0.utf8.count <= 75 }) { return words + [angle] }
            let quoted = "\"" + name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
            if quoted.utf8.count <= 76 { return [quoted, angle] }
        }
        return encodedWords(name) + [angle]
    }

    /// Atom characters of RFC 5322.
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }
}
