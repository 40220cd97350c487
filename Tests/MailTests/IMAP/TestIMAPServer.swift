import Foundation
import Mail

/// The Dovecot that `scripts/test` starts (scripts/lib/imap.sh): its addresses, CA and password from the environment.
/// Every user name signs in with the password and has a mailbox of its own, so each test takes a fresh name.
enum TestIMAPServer {
    static let environment = ProcessInfo.processInfo.environment

    /// Whether a test server is configured.
    static var available: Bool { environment["TICKETWERK_TEST_IMAP"] != nil }

    static var password: String { environment["TICKETWERK_TEST_IMAP_PASSWORD"] ?? "" }
    static var caFile: String? { environment["TICKETWERK_TEST_IMAP_CA"] }

    /// A user name no other test uses.
    static func freshUser() -> String { "user-" + UUID().uuidString.prefix(8).lowercased() }

    /// The configuration for `security` (plain and STARTTLS share one port; TLS has its own).
    static func configuration(_ security: IMAPSecurity, trustingTestCA: Bool = true, responseTimeout: Duration = .seconds(30)) -> IMAPConfiguration {
        let address = environment[security == .tls ? "TICKETWERK_TEST_IMAPS" : "TICKETWERK_TEST_IMAP"] ?? "127.0.0.1:1"
        let parts = address.split(separator: ":")
        return IMAPConfiguration(
            host: String(parts.first ?? "127.0.0.1"), port: Int(parts.last ?? "1") ?? 1, security: security,
            trustRootsFile: trustingTestCA ? caFile : nil, responseTimeout: responseTimeout)
    }

    /// A signed-in connection for `user`.
    static func connect(_ security: IMAPSecurity, user: String) async throws -> IMAPConnection {
        let connection = try await IMAPConnection.connect(configuration(security))
        try await connection.login(username: user, password: password)
        return connection
    }
}
