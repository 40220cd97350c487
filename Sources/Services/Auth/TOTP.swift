import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps use.
public enum TOTP {
    /// A new random secret, base32-encoded for authenticator apps.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return base32((0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The code for `secret` at `date`.
    public static func code(secret: String, at date: Date) -> String? {
        guard let key = decodeBase32(secret) else { return nil }
        return code(key: key, counter: UInt64(date.timeIntervalSince1970 / 30))
    }

    /// Whether `code` is valid at `date`, allowing one step of clock skew either way.
    public static func verify(_ code: String, secret: String, at date: Date) -> Bool {
        guard let key = decodeBase32(secret), code.count == 6 else { return false }
        let step = UInt64(date.timeIntervalSince1970 / 30)
        return [step - 1, step, step + 1].contains { Secrets.constantTimeEquals(self.code(key: key, counter: $0), code) }
    }

    private static func code(key: [UInt8], counter: UInt64) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let value = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        return String(format: "%06d", value % 1_000_000)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func base32(_ bytes: [UInt8]) -> String {
        var output = "", buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    static func decodeBase32(_ text: String) -> [UInt8]? {
        var output: [UInt8] = [], buffer = 0, bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output.isEmpty ? nil : output
    }
}
