import Foundation
import Services
import Testing

@Suite("Postmaster filters in the mail intake")
struct MailFilterTests {
    @Test("a matching filter sets queue, priority, type and a field of the new ticket; follow-ups keep their ticket", arguments: TestBackend.available)
    func routing(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let master = try await system.services.masterData.snapshot()
            let network = try #require(master.queues.first { $0.name == "Netzwerk" }?.id)
            let high = try #require(master.priorities.first { $0.rank == 5 }?.id)
            let incident = try #require(master.types.first { $0.name == "Störung" }?.id)
            _ = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "standort", "label": "Standort", "object": "ticket", "type": "text", "required": false, "options": [], "customerVisible": false,
            ])
            let filter = try await client.call(.post, "/api/v1/mail/filters", token: token, json: [
                "name": "VPN-Störungen",
                "conditions": [["header": "Subject", "pattern": "\\bvpn\\b"], ["pattern": "newsletter", "negate": true]],
                "actions": ["queueId": network, "priorityId": high, "typeId": incident, "fields": ["standort": "Rathaus"]],
            ])
            #expect(filter.status == .created)

            let first = try await client.call(.post, "/api/v1/mail/inbound", token: token,
                                              raw: MailIntakeTests.message(subject: "VPN bricht ab", messageID: "r1@stadt.example"))
            let ticket = try await client.call(.get, "/api/v1/tickets/\(try #require(first.object.int("ticketId")))", token: token)
            #expect(ticket.object.string("queue") == "Netzwerk")
            #expect(ticket.object.int("priorityId") == high)
            #expect(ticket.object.int("typeId") == incident)
            #expect(((ticket.object["fields"] as? [String: Any])?["standort"] as? [String: Any])?["value"] as? String == "Rathaus")

            let newsletter = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: MailIntakeTests.message(
                subject: "VPN im Newsletter", messageID: "r2@stadt.example", body: "Unser Newsletter zum VPN.\r\n"))
            let untouched = try await client.call(.get, "/api/v1/tickets/\(try #require(newsletter.object.int("ticketId")))", token: token)
            #expect(untouched.object.string("queue") == "Servicedesk")
        }
    }

    @Test("an ignore filter keeps the raw mail without a ticket; control headers count only from trusted sources", arguments: TestBackend.available)
    func ignoreAndTrust(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            _ = try await client.call(.post, "/api/v1/mail/filters", token: token, json: [
                "name": "Steuerung", "conditions": [["header": "X-Ticketwerk-Ignore", "pattern": "yes"]], "actions": ["ignore": true],
            ])
            var raw = MailIntakeTests.message(subject: "Bitte ignorieren", messageID: "i1@stadt.example")
            raw.insert(contentsOf: Array("X-Ticketwerk-Ignore: yes\r\n".utf8), at: 0)

            let outsider = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: raw)
            #expect(outsider.object.string("outcome") == "created", "untrusted: the control header counts as missing")

            let tickets = try await system.count("tickets")
            let trusted = try await system.services.mail.ingest(raw, trusted: true)
            #expect(trusted.outcome == .ignored && trusted.ticketId == nil)
            #expect(try await system.count("tickets") == tickets)
            let ignored = try await client.call(.get, "/api/v1/mail/ignored", token: token)
            #expect(ignored.items.count == 1 && ignored.items.first?.string("subject") == "Bitte ignorieren")
            let download = try await client.call(.get, "/api/v1/mail/ignored/\(try #require(trusted.ignoredId))/raw", token: token)
            #expect(Array(buffer: download.raw) == raw)
        }
    }
}
