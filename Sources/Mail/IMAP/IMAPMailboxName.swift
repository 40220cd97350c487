import Foundation

/// Mailbox names on the wire: IMAP's modified UTF-7 (RFC 3501 5.1.3), so that `Erledigt/Bürger` reaches the server
/// as `Erledigt/B&APw-rger`.
enum IMAPMailboxName {
    static func encode(_ name: String) -> String {
        var output = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            let base64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "/", with: ",").replacingOccurrences(of: "=", with: "")
            output += "&" + base64 + "-"
            pending = []
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                flush()
                output += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return output
    }
}
