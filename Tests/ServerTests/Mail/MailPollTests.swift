import Foundation
import Logging
import Services
import Store
import Testing
import Workers

@Suite("Polling IMAP accounts against a real Dovecot", .enabled(if: TestMailbox.available, "TICKETWERK_TEST_IMAP is not set (scripts/test starts Dovecot)"))
struct MailPollTests {
    static func job(_ system: TestSystem, intake: MailIntake? = nil, trusting: Bool = true) -> MailPollJob {
        MailPollJob(context: system.services.context, intake: intake ?? system.services.mail, trustRootsFile: trusting ? TestMailbox.caFile : nil)
    }

    static func queueID(_ name: String, _ system: TestSystem) async throws -> Int64 {
        try #require(try await system.services.masterData.snapshot().queues.first { $0.name == name }?.id)
    }

    @Test("new mail becomes tickets in the account's queue, replies thread, and messages leave the server only after commit",
          arguments: TestBackend.available)
    func importsThreadsAndCleansUp(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let mailbox = TestMailbox()
            let queue = try await Self.queueID("Netzwerk", system)
            let created = try await client.call(.post, "/api/v1/mail/accounts", token: token, json: mailbox.accountJSON(name: "Netz", queueID: queue))
            let accountID = try #require(created.object.int("id"))
            try await mailbox.deliver([
                MailIntakeTests.message(to: "netz-team@stadt.example", subject: "VPN bricht ab", messageID: "p1@stadt.example"),
                MailIntakeTests.message(subject: "AW: VPN bricht ab", messageID: "p2@stadt.example", inReplyTo: "p1@stadt.example"),
            ])

            #expect(try await Self.job(system).runOnce() == .idle)

            let tickets = try await client.call(.get, "/api/v1/tickets?q=VPN", token: token)
            #expect(tickets.items.count == 1)
            let ticket = try #require(tickets.items.first)
            #expect(ticket.string("queue") == "Netzwerk")
            let articles = try await client.call(.get, "/api/v1/tickets/\(try #require(ticket.int("id")))/articles", token: token)
            #expect(articles.items.count == 2)
            #expect(try await mailbox.messages().isEmpty)
            let status = try #require(try await client.call(.get, "/api/v1/mail/accounts/\(accountID)", token: token).object["status"] as? [String: Any])
            #expect(status.int("importedCount") == 2)
            #expect(status["lastSuccessAt"] != nil && status["lastError"] == nil)

            // Moving instead of deleting; saving the account makes it due at once.
            _ = try await client.call(.patch, "/api/v1/mail/accounts/\(accountID)", token: token,
                                      json: ["afterImport": "move", "moveFolder": "Erledigt"])
            try await mailbox.deliver([MailIntakeTests.message(subject: "Scanner", messageID: "p3@stadt.example")])
            #expect(try await Self.job(system).runOnce() == .idle)
            #expect(try await mailbox.messages().isEmpty)
            #expect(try await mailbox.messages(in: "Erledigt").count == 1)
            #expect(try await client.call(.get, "/api/v1/tickets?q=Scanner", token: token).items.count == 1)
        }
    }

    @Test("when the intake fails nothing is deleted, the status shows why, and the next poll imports", arguments: TestBackend.available)
    func failedIntakeKeepsMessages(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let mailbox = TestMailbox()
            let created = try await client.call(.post, "/api/v1/mail/accounts", token: token,
                                                json: mailbox.accountJSON(name: "Servicedesk", queueID: 1))
            let accountID = try #require(created.object.int("id"))
            try await mailbox.deliver([MailIntakeTests.message(subject: "Monitor", messageID: "f1@stadt.example")])

            // An intake on a database without tables: every statement of the intake fails, as in an outage.
            let context = system.services.context
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tw-unusable-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let unusable = try await Database.open(.sqlite(path: directory + "/empty.sqlite"), logger: Logger(label: "test"))
            let cache = MasterDataCache()
            let brokenContext = ServiceContext(database: unusable, logger: context.logger, configuration: context.configuration)
            let broken = MailIntake(context: brokenContext, tickets: TicketService(context: brokenContext, masterData: cache), masterData: cache)
            let outcome = try await Self.job(system, intake: broken).runOnce()
            await unusable.close()
            #expect(outcome == .idle)

            #expect(try await mailbox.messages().count == 1)
            #expect(try await system.count("tickets") == 0)
            let failed = try #require(try await client.call(.get, "/api/v1/mail/accounts/\(accountID)", token: token).object["status"] as? [String: Any])
            #expect((failed.string("lastError") ?? "").contains("stays on the server"))
            #expect(failed.int("failures") == 1 && failed["lastSuccessAt"] == nil)
            #expect(try await Self.job(system).runOnce() == .idle, "backing off: not due yet")
            #expect(try await mailbox.messages().count == 1)

            _ = try await client.call(.patch, "/api/v1/mail/accounts/\(accountID)", token: token, json: ["isActive": true])
            #expect(try await Self.job(system).runOnce() == .idle)
            #expect(try await mailbox.messages().isEmpty)
            #expect(try await system.count("tickets") == 1)
        }
    }

    @Test("a wrong password and an untrusted certificate show in the status; implicit TLS imports")
    func credentialsAndTLS() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let token = system.adminToken
            let mailbox = TestMailbox()
            try await mailbox.deliver([MailIntakeTests.message(subject: "Über TLS", messageID: "t1@stadt.example")])
            let wrong = try await client.call(.post, "/api/v1/mail/accounts", token: token,
                                              json: mailbox.accountJSON(name: "Falsch", queueID: 1, extra: ["password": "falsch-falsch"]))
            let wrongID = try #require(wrong.object.int("id"))
            _ = try await Self.job(system).runOnce()
            let refused = try #require(try await client.call(.get, "/api/v1/mail/accounts/\(wrongID)", token: token).object["status"] as? [String: Any])
            #expect((refused.string("lastError") ?? "").contains("refused the user name or password"))
            #expect(!(refused.string("lastError") ?? "").contains("falsch-falsch"))
            _ = try await client.call(.patch, "/api/v1/mail/accounts/\(wrongID)", token: token, json: ["isActive": false])

            let tls = try await client.call(.post, "/api/v1/mail/accounts", token: token, json: mailbox.accountJSON(name: "TLS", queueID: 1, tls: true))
            let tlsID = try #require(tls.object.int("id"))
            _ = try await Self.job(system, trusting: false).runOnce()
            let untrusted = try #require(try await client.call(.get, "/api/v1/mail/accounts/\(tlsID)", token: token).object["status"] as? [String: Any])
            #expect((untrusted.string("lastError") ?? "").contains("TLS"))
            #expect(try await mailbox.messages().count == 1)

            _ = try await client.call(.patch, "/api/v1/mail/accounts/\(tlsID)", token: token, json: ["isActive": true])
            _ = try await Self.job(system).runOnce()
            #expect(try await mailbox.messages().isEmpty)
            #expect(try await client.call(.get, "/api/v1/tickets?q=TLS", token: token).items.count == 1)
        }
    }

    @Test("a message the intake keeps refusing is skipped after three polls and stays on the server; the rest flows")
    func refusedMessagesAreSkipped() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let token = system.adminToken
            let mailbox = TestMailbox()
            let created = try await client.call(.post, "/api/v1/mail/accounts", token: token, json: mailbox.accountJSON(name: "Zu", queueID: 1))
            let accountID = try #require(created.object.int("id"))
            try await mailbox.deliver([MailIntakeTests.message(subject: "Niemand nimmt mich", messageID: "s1@stadt.example")])
            // With every queue inactive the intake refuses the message ("No active queue can take mail").
            let queues = try await client.call(.get, "/api/v1/queues", token: token).items.compactMap { $0.int("id") }
            for queue in queues { _ = try await client.call(.patch, "/api/v1/queues/\(queue)", token: token, json: ["isActive": false]) }
            for _ in 0..<3 {
                _ = try await client.call(.patch, "/api/v1/mail/accounts/\(accountID)", token: token, json: ["isActive": true])
                #expect(try await Self.job(system).runOnce() == .idle)
            }
            let status = try #require(try await client.call(.get, "/api/v1/mail/accounts/\(accountID)", token: token).object["status"] as? [String: Any])
            #expect(status.int("skippedCount") == 1)
            #expect(status["lastError"] == nil, "a refused message does not fail the poll")

            for queue in queues { _ = try await client.call(.patch, "/api/v1/queues/\(queue)", token: token, json: ["isActive": true]) }
            try await mailbox.deliver([MailIntakeTests.message(subject: "Ich komme durch", messageID: "s2@stadt.example")])
            _ = try await client.call(.patch, "/api/v1/mail/accounts/\(accountID)", token: token, json: ["isActive": true])
            #expect(try await Self.job(system).runOnce() == .idle)
            #expect(try await system.count("tickets") == 1)
            let left = try await mailbox.messages()
            #expect(left.count == 1 && String(decoding: left[0], as: UTF8.self).contains("Niemand nimmt mich"))
        }
    }

    @Test("an account leased by another node is left alone until the lease ends", arguments: TestBackend.available)
    func leasedAccountsAreSkipped(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let mailbox = TestMailbox()
            _ = try await client.call(.post, "/api/v1/mail/accounts", token: system.adminToken, json: mailbox.accountJSON(name: "Geteilt", queueID: 1))
            try await mailbox.deliver([MailIntakeTests.message(subject: "Zweimal?", messageID: "l1@stadt.example")])
            let ledger = MailPollLedger(context: system.services.context)
            let other = try await ledger.claimDue(owner: "other-node", until: Date().addingTimeInterval(300), limit: 10)
            #expect(other.count == 1)
            #expect(try await Self.job(system).runOnce() == .idle)
            #expect(try await mailbox.messages().count == 1)
            #expect(try await system.count("tickets") == 0)
        }
    }
}
