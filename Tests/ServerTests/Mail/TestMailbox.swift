import Foundation
import Mail

/// A mailbox of its own on the Dovecot that `scripts/test` starts (scripts/lib/imap.sh), for one test: every user
/// name signs in with the shared password, so a fresh name is a fresh, empty mailbox.
struct TestMailbox: Sendable {
    static let environment = ProcessInfo.processInfo.environment
    static var available: Bool { environment["TICKETWERK_TEST_IMAP"] != nil }
    static var caFile: String? { environment["TICKETWERK_TEST_IMAP_CA"] }
    static var password: String { environment["TICKETWERK_TEST_IMAP_PASSWORD"] ?? "" }

    let user = "poll-" + UUID().uuidString.prefix(8).lowercased()

    /// Host and port of the plain/STARTTLS listener, or with `tls` of the IMAPS one.
    static func address(tls: Bool = false) -> (host: String, port: Int) {
        let text = environment[tls ? "TICKETWERK_TEST_IMAPS" : "TICKETWERK_TEST_IMAP"] ?? "127.0.0.1:1"
        let parts = text.split(separator: ":")
        return (String(parts.first ?? "127.0.0.1"), Int(parts.last ?? "1") ?? 1)
    }

    /// The JSON of a mail account reading this mailbox.
    func accountJSON(name: String, queueID: Int64, tls: Bool = false, extra: [String: Any] = [:]) -> [String: Any] {
        let (host, port) = Self.address(tls: tls)
        return ["name": name, "host": host, "port": port, "security": tls ? "tls" : "starttls", "username": user,
                "password": Self.password, "queueId": queueID].merging(extra) { $1 }
    }

    private func connection() async throws -> IMAPConnection {
        let (host, port) = Self.address()
        let connection = try await IMAPConnection.connect(IMAPConfiguration(host: host, port: port, security: .startTLS, trustRootsFile: Self.caFile))
        try await connection.login(username: user, password: Self.password)
        return connection
    }

    /// Puts messages into a folder (INBOX by default).
    func deliver(_ messages: [[UInt8]], to folder: String = "INBOX") async throws {
        let connection = try await connection()
        for message in messages { try await connection.append(message, to: folder) }
        await connection.logout()
    }

    /// The messages a folder holds now (not flagged deleted), oldest first.
    func messages(in folder: String = "INBOX") async throws -> [[UInt8]] {
        let connection = try await connection()
        if folder != "INBOX" { try await connection.create(folder) }
        _ = try await connection.select(folder)
        var found: [[UInt8]] = []
        for uid in try await connection.uidSearchUndeleted() {
            if let message = try await connection.uidFetchMessage(uid) { found.append(message) }
        }
        await connection.logout()
        return found
    }
}
