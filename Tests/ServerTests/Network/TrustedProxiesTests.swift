import Testing
import Web

/// The client address behind reverse proxies: `X-Forwarded-For` counts only when the peer is trusted.
@Suite("Trusted proxies")
struct TrustedProxiesTests {
    let proxies: TrustedProxies

    init() throws {
        proxies = try TrustedProxies(["10.0.0.0/8", "192.0.2.7", "fd00::/8"])
    }

    @Test("without trusted proxies, or from an untrusted peer, the header is ignored — a spoofed one too")
    func untrustedPeer() {
        #expect(TrustedProxies.none.clientAddress(peer: "10.1.2.3", forwardedFor: ["198.51.100.9"]) == "10.1.2.3")
        #expect(proxies.clientAddress(peer: "203.0.113.5", forwardedFor: ["198.51.100.9"]) == "203.0.113.5")
        #expect(proxies.clientAddress(peer: "203.0.113.5", forwardedFor: ["10.0.0.1"]) == "203.0.113.5")
        #expect(proxies.clientAddress(peer: nil, forwardedFor: ["198.51.100.9"]) == nil)
    }

    @Test("behind trusted proxies: the right-most entry that is no trusted proxy; entries the client wrote further left do not count")
    func rightMostUntrusted() {
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: ["198.51.100.9"]) == "198.51.100.9")
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: ["1.2.3.4, 198.51.100.9"]) == "198.51.100.9")
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: ["1.2.3.4", "198.51.100.9, 192.0.2.7"]) == "198.51.100.9")
        #expect(proxies.clientAddress(peer: "192.0.2.7", forwardedFor: ["198.51.100.9:4711, 10.9.9.9"]) == "198.51.100.9")
        #expect(proxies.clientAddress(peer: "fd00::1", forwardedFor: ["[2001:db8::5]:443"]) == "2001:db8::5")
        #expect(proxies.clientAddress(peer: "::ffff:10.0.0.2", forwardedFor: ["2001:DB8:0::5"]) == "2001:db8::5")
    }

    @Test("all entries trusted: the left-most; no header: the proxy; garbage ends the search at the last trusted hop")
    func edges() {
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: ["10.5.5.5, 10.6.6.6"]) == "10.5.5.5")
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: []) == "10.1.2.3")
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: ["198.51.100.9, unknown"]) == "10.1.2.3")
        #expect(proxies.clientAddress(peer: "10.1.2.3", forwardedFor: ["unknown, 10.6.6.6"]) == "10.6.6.6")
    }

    @Test("ranges: prefixes are exact; anything that is no range is refused")
    func ranges() throws {
        #expect(proxies.contains("10.255.255.255") && !proxies.contains("11.0.0.0"))
        #expect(proxies.contains("192.0.2.7") && !proxies.contains("192.0.2.8"))
        #expect(proxies.contains("fdff::1") && !proxies.contains("fe80::1"))
        let narrow = try TrustedProxies(["172.16.0.0/12"])
        #expect(narrow.contains("172.31.255.1") && !narrow.contains("172.32.0.1"))
        for bad in ["10.0.0.0/33", "proxy.example", "10.0.0.0/x", "::1/129", ""] {
            #expect(throws: TrustedProxies.InvalidRange.self) { try TrustedProxies([bad]) }
        }
    }
}
