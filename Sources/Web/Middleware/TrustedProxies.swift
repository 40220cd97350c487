import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reverse proxies in front of the server (`serve --trusted-proxy CIDR`, `TICKETWERK_TRUSTED_PROXIES`), and the
/// rule that finds a request's client address: only when the direct peer is one of them does `X-Forwarded-For`
/// count, and then its right-most entry that is not itself a trusted proxy is the client — entries further left
/// were written by whoever sent the request and could be anything.
public struct TrustedProxies: Sendable, Equatable {
    /// An address range: the leading `prefix` bits of `bytes` (4 bytes for IPv4, 16 for IPv6).
    struct Range: Sendable, Equatable {
        var bytes: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            for bit in 0..<prefix where (address[bit / 8] ^ bytes[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 { return false }
            return true
        }
    }

    /// A range that is not an IP address with an optional `/prefix`.
    public struct InvalidRange: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "'\(text)' is not an IP address or a range such as 10.0.0.0/8 or fd00::/8." }
    }

    let ranges: [Range]

    /// No trusted proxies: the peer address is always the client's.
    public static let none = TrustedProxies(ranges: [])

    private init(ranges: [Range]) {
        self.ranges = ranges
    }

    /// Ranges such as `10.0.0.0/8`, `192.168.1.5` (one address) or `fd00::/8`.
    public init(_ ranges: [String]) throws {
        self.ranges = try ranges.map { text in
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
            guard let first = parts.first, let bytes = Self.bytes(first) else { throw InvalidRange(text: text) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...bytes.count * 8).contains(prefix) else { throw InvalidRange(text: text) }
            return Range(bytes: bytes, prefix: prefix)
        }
    }

    public var isEmpty: Bool { ranges.isEmpty }

    /// Whether `address` lies in a trusted range.
    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy — then the right-most entry of the
    /// `X-Forwarded-For` values (each a comma-separated list, in header order) that is not a trusted proxy, or the
    /// left-most entry when all are. An entry that is no address ends the search with the last trusted hop.
    public func clientAddress(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer else { return nil }
        let peerAddress = Self.canonical(peer) ?? peer
        guard contains(peerAddress) else { return peerAddress }
        var client = peerAddress
        for entry in forwardedFor.flatMap({ $0.split(separator: ",") }).reversed() {
            guard let address = Self.canonical(Self.withoutPort(entry.trimmingCharacters(in: .whitespaces))) else { return client }
            client = address
            if !contains(address) { return address }
        }
        return client
    }

    /// `[2001:db8::1]:443` → `2001:db8::1`, `192.0.2.1:8080` → `192.0.2.1`; anything else as it is.
    static func withoutPort(_ text: String) -> String {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { return String(text[text.index(after: text.startIndex)..<close]) }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") { return String(text[..<colon]) }
        return text
    }

    /// The address in one spelling (IPv4-mapped IPv6 addresses as IPv4), nil when it is none.
    static func canonical(_ text: String) -> String? {
        guard let bytes = bytes(text) else { return nil }
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The address's bytes: 4 for IPv4 (and IPv4-mapped IPv6), 16 for IPv6; nil when it is no address.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes.suffix(4)) }
        return bytes
    }
}
