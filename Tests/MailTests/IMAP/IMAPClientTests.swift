import Foundation
import Mail
import NIOCore
import NIOPosix
import Testing

@Suite("IMAP client against a real Dovecot", .enabled(if: TestIMAPServer.available, "TICKETWERK_TEST_IMAP is not set (scripts/test starts Dovecot)"))
struct IMAPClientTests {
    static func message(_ subject: String, body: String = "Hallo,\r\ndas Fax geht nicht.\r\n") -> [UInt8] {
        Array("From: erika@stadt.example\r\nTo: servicedesk@stadt.example\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@stadt.example>\r\n\r\n\(body)".utf8)
    }

    @Test("STARTTLS and LOGIN; messages appended, found, fetched byte for byte, moved and deleted")
    func mailboxRoundTrip() async throws {
        let user = TestIMAPServer.freshUser()
        let connection = try await IMAPConnection.connect(TestIMAPServer.configuration(.startTLS))
        try await connection.login(username: user, password: TestIMAPServer.password, method: .login)
        let eightBit = Array("From: b@stadt.example\r\nSubject: Umlaute\r\n\r\nGrüße aus dem Bürgerbüro, {3}\r\n.\r\n".utf8)
        let messages = [Self.message("Drucker"), eightBit, Self.message("Telefon")]
        for message in messages { try await connection.append(message, to: "INBOX") }

        let status = try await connection.select("INBOX")
        #expect(status.exists == 3)
        #expect(status.uidValidity != nil)
        let uids = try await connection.uidSearchUndeleted()
        #expect(uids.count == 3)
        let sizes = try await connection.uidFetchSizes(uids)
        #expect(uids.map { sizes[$0] } == messages.map(\.count))
        for (uid, message) in zip(uids, messages) {
            #expect(try await connection.uidFetchMessage(uid) == message)
        }

        try await connection.uidMove([uids[0]], to: "Erledigt Bürger")
        try await connection.uidDelete([uids[1]])
        #expect(try await connection.uidSearchUndeleted() == [uids[2]])
        #expect(try await connection.uidFetchMessage(uids[0]) == nil)
        _ = try await connection.select("Erledigt Bürger")
        let moved = try await connection.uidSearchUndeleted()
        #expect(try await connection.uidFetchMessage(try #require(moved.first)) == messages[0])
        await connection.logout()
    }

    @Test("implicit TLS and AUTHENTICATE PLAIN carry a 20 MB message in one literal")
    func largeLiteralOverTLS() async throws {
        let user = TestIMAPServer.freshUser()
        let connection = try await IMAPConnection.connect(TestIMAPServer.configuration(.tls))
        try await connection.login(username: user, password: TestIMAPServer.password, method: .plain)
        var large = Array("Subject: Anhang\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        let line = Array("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n".utf8)
        while large.count < 20 * 1024 * 1024 { large += line }
        try await connection.append(large, to: "INBOX")
        _ = try await connection.select("INBOX")
        let uid = try #require(try await connection.uidSearchUndeleted().first)
        #expect(try await connection.uidFetchMessage(uid) == large)
        await connection.logout()
    }

    @Test("plain connections work where the server allows them")
    func plainConnection() async throws {
        let connection = try await IMAPConnection.connect(TestIMAPServer.configuration(.none))
        try await connection.login(username: TestIMAPServer.freshUser(), password: TestIMAPServer.password)
        #expect(try await connection.select("INBOX").exists == 0)
        await connection.logout()
    }

    @Test("a wrong password, an untrusted certificate, a closed port and a silent server give their own errors")
    func typedErrors() async throws {
        let connection = try await IMAPConnection.connect(TestIMAPServer.configuration(.startTLS))
        do {
            try await connection.login(username: "someone", password: "wrong-password")
            Issue.record("a wrong password was accepted")
        } catch {
            guard case .authenticationFailed = error else { throw error }
        }
        await connection.close()

        do {
            _ = try await IMAPConnection.connect(TestIMAPServer.configuration(.tls, trustingTestCA: false))
            Issue.record("an untrusted certificate was accepted")
        } catch {
            guard case .tlsFailed = error else { throw error }
        }
        do {
            _ = try await IMAPConnection.connect(IMAPConfiguration(host: "127.0.0.1", port: 1, security: .none))
            Issue.record("a closed port connected")
        } catch {
            guard case .connectionFailed = error else { throw error }
        }

        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silent.localAddress?.port)
        let started = ContinuousClock.now
        do {
            _ = try await IMAPConnection.connect(IMAPConfiguration(host: "127.0.0.1", port: port, security: .none, responseTimeout: .milliseconds(500)))
            Issue.record("a silent server greeted")
        } catch {
            guard case .timeout = error else { throw error }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        try await silent.close()
    }
}
