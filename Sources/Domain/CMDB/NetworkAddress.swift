#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing and canonical spelling of IP and MAC addresses, so that equal addresses are stored, compared and
/// found alike however they were typed.
public enum NetworkAddress {
    /// The canonical text of an IPv4 or IPv6 address (`2001:db8::1`, `10.0.0.1`), or nil if `text` is neither.
    public static func canonicalIP(_ text: String) -> String? {
        var v4 = in_addr()
        if text.contains("."), !text.contains(":"), inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { format(family: AF_INET, $0, length: Int(INET_ADDRSTRLEN)) }
        }
        var v6 = in6_addr()
        if text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { format(family: AF_INET6, $0, length: Int(INET6_ADDRSTRLEN)) }
        }
        return nil
    }

    private static func format(family: Int32, _ address: UnsafeRawBufferPointer, length: Int) -> String? {
        var buffer = [CChar](repeating: 0, count: length)
        guard inet_ntop(family, address.baseAddress, &buffer, socklen_t(length)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A MAC address as six lowercase pairs joined by colons, from `00:1A:2B:3C:4D:5E`, `00-1a-2b-3c-4d-5e`,
    /// `001a.2b3c.4d5e` or `001a2b3c4d5e`; nil for anything else.
    public static func canonicalMAC(_ text: String) -> String? {
        let separators: Set<Character> = [":", "-", "."]
        let groups = text.split(whereSeparator: separators.contains)
        let digits = groups.joined().lowercased()
        let shapeFits = (groups.count == 6 && groups.allSatisfy { $0.count == 2 })
            || (groups.count == 3 && groups.allSatisfy { $0.count == 4 } && text.contains("."))
            || (groups.count == 1 && digits.count == 12)
        guard shapeFits, digits.count == 12, digits.allSatisfy(\.isHexDigit) else { return nil }
        var pairs: [Substring] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            pairs.append(digits[index..<next])
            index = next
        }
        return pairs.joined(separator: ":")
    }
}
