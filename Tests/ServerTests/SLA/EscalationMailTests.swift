import Foundation
import HummingbirdTesting
import Mail
import Services
import Testing

@Suite("SLA escalation mails")
struct EscalationMailTests {
    @Test("owner and responsible hear of warnings and breaches by mail, each in their language", arguments: TestBackend.available)
    func escalationMail(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        let clock = try TestClock("2026-11-30T07:30:00Z")
        try await TestSystem.run(backend, clock: clock) { system, client in
            let token = system.adminToken
            try await SLAClockTests.useTestSLAs(system, client)
            let queue = try #require(try await client.call(.get, "/api/v1/queues", token: token).items.first { $0.string("name") == "Servicedesk" })
            _ = try await client.call(.patch, "/api/v1/queues/\(try #require(queue.int("id")))", token: token,
                                      json: ["systemAddress": "servicedesk@stadt.example"])
            func agent(_ login: String, locale: String) async throws -> (id: Int64, address: String) {
                var user = NewUser(login: login, password: "password-\(login)")
                user.email = SMTPSink.address(login)
                user.locale = locale
                return (try await system.services.users.create(user, by: .system).id, user.email ?? "")
            }
            let lena = try await agent("lena", locale: "de")
            let tom = try await agent("tom", locale: "en")
            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Fachverfahren Meldewesen hängt", "queue": "Servicedesk", "ownerId": lena.id, "responsibleId": tom.id,
            ])
            #expect(created.status == .created)

            // 09:30 CET: the first response (60 minutes from 08:30) has warned at 09:18 and is breached now.
            try clock.set("2026-11-30T08:30:00Z")
            var configuration = system.services.context.configuration
            configuration.smtp = sink.settings(.none)
            let base = system.services.context
            let context = ServiceContext(database: base.database, logger: base.logger, configuration: configuration, now: { clock.now })
            #expect(try await SLAEscalator(context: context, masterData: MasterDataCache()).escalateDue().fired == 2)
            // The delivery node's clock must reach the test clock's time, at which the mails were queued.
            let job = try system.deliveryJob(sink.settings(.none), owner: "node-a", later: clock.now.timeIntervalSinceNow + 60)
            while try await job.runOnce() == .moreWork {}

            let german = try sink.received(for: lena.address).map { MIMEParser.parse($0.bytes) }
            let english = try sink.received(for: tom.address).map { MIMEParser.parse($0.bytes) }
            #expect(german.count == 2 && english.count == 2)
            let number = try #require(created.object.string("number"))
            #expect(german.map(\.subject) == [
                "[Ticket#\(number)] SLA-Warnung: Erstreaktion fällig Mo. 30.11.2026 09:30",
                "[Ticket#\(number)] SLA verletzt: Erstreaktion war fällig Mo. 30.11.2026 09:30",
            ])
            #expect(english.first?.subject == "[Ticket#\(number)] SLA warning: first response due Mon 30 Nov 2026 09:30")
            #expect(german.allSatisfy { $0.headers["Auto-Submitted"] == "auto-generated" })
        }
    }
}
