import Foundation
import HummingbirdTesting
import Testing

/// Customers submitting forms and following their requests.
@Suite("Portal requests")
struct RequestSubmissionTests {
    @Test("a submission becomes a ticket through the one create path: title pattern, readable answers, fields, files, form version, confirmation mail",
          arguments: TestBackend.available)
    func submission(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            // The hidden "begruendung" (shown only when urgent) is ignored and not stored.
            let created = try await world.orderToner(reason: "wird ignoriert")
            #expect(created.status == .created, "\(created.object)")
            let ticketID = try #require(created.object.int("ticketId"))
            #expect(created.object.string("title") == "Toner bestellen: HP LaserJet M404")
            #expect(created.object.string("statusText") == "Eingegangen")
            #expect((created.object["promise"] as? [String: Any])?.string("text")?.hasPrefix("Antwort bis ") == true)
            #expect(created.object.int("formVersion") == 1)
            let ticket = try await client.call(.get, "/api/v1/tickets/\(ticketID)", token: world.admin)
            #expect(ticket.object.string("queue") == "Arbeitsplatz" && ticket.object.string("type") == "Serviceanfrage")
            let fields = try #require(ticket.object["fields"] as? [String: Any])
            #expect(Set(fields.keys) == ["druckermodell", "tonerfarbe", "anzahl", "eilig"])
            let messages = try #require(created.object["messages"] as? [[String: Any]])
            let first = try #require(messages.first)
            #expect(first.string("sender") == "customer")
            #expect(first.string("text")?.contains("Druckermodell: HP LaserJet M404") == true)
            #expect(first.string("text")?.contains("Foto des Typenschilds: typenschild.jpg") == true)
            #expect(first.string("text")?.contains("wird ignoriert") == false)
            #expect((first["attachments"] as? [[String: Any]])?.first?.string("filename") == "typenschild.jpg")
            let mail = try #require(try await world.outbox().last)
            #expect(mail.recipients.contains("erika@ordnungsamt.example") && mail.ticketID == ticketID)
            #expect(mail.subject.hasPrefix("[Ticket#") && mail.text.contains("Guten Tag erika,"))

            // Urgent: the reason is now shown and required.
            let missing = try await world.orderToner(urgent: true)
            #expect(missing.status == .unprocessableContent)
            #expect((missing.object["errors"] as? [[String: Any]])?.first?.string("field") == "answers.begruendung")
            let urgent = try await world.orderToner(urgent: true, reason: "Bürgerbüro steht still")
            #expect(urgent.status == .created)
            let unknown = try await client.call(.post, "/api/v1/portal/catalogue/\(try await world.category("Toner bestellen"))/requests",
                                                token: world.erika, json: ["answers": ["druckermodell": "X", "anzahl": 99, "farbe": "rot"]])
            #expect(unknown.status == .unprocessableContent)
            let issues = Set((unknown.object["errors"] as? [[String: Any]] ?? []).compactMap { $0.string("field") })
            #expect(issues == ["answers.farbe", "answers.anzahl"])
            #expect(try await client.call(.post, "/api/v1/portal/catalogue/\(try await world.category("Hardware"))/requests",
                                          token: world.erika, json: ["answers": [:]]).status == .conflict)
            #expect(try await world.orderToner(world.admin).status == .forbidden)
            #expect(try await system.count("tickets") == 2)
        }
    }

    @Test("requesters see their own requests, the organisation's only when allowed, never internal notes or others' requests",
          arguments: TestBackend.available)
    func visibility(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let erikas = try #require(try await world.orderToner().object.int("ticketId"))
            let karls = try #require(try await world.orderToner(world.karl).object.int("ticketId"))
            let paulas = try #require(try await world.orderToner(world.paula).object.int("ticketId"))
            _ = try await client.call(.post, "/api/v1/tickets/\(erikas)/articles", token: world.admin,
                                      json: ["body": "Intern: Lieferant anrufen", "customerVisible": false])
            _ = try await client.call(.post, "/api/v1/tickets/\(erikas)/articles", token: world.admin,
                                      json: ["body": "Der Toner ist bestellt.", "customerVisible": true, "channel": "web"])
            let mine = try await client.call(.get, "/api/v1/portal/requests", token: world.erika)
            #expect(mine.items.compactMap { $0.int("ticketId") } == [erikas])
            let organisation = try await client.call(.get, "/api/v1/portal/requests?organisation=true", token: world.erika)
            #expect(Set(organisation.items.compactMap { $0.int("ticketId") }) == [erikas, karls])
            #expect(try await client.call(.get, "/api/v1/portal/requests?organisation=true", token: world.karl).items.compactMap { $0.int("ticketId") } == [karls])
            #expect(try await client.call(.get, "/api/v1/portal/requests/\(paulas)", token: world.erika).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/portal/requests/\(erikas)", token: world.karl).status == .notFound)
            let detail = try await client.call(.get, "/api/v1/portal/requests/\(erikas)", token: world.erika)
            let texts = (detail.object["messages"] as? [[String: Any]] ?? []).compactMap { $0.string("text") }
            #expect(texts.contains("Der Toner ist bestellt.") && !texts.contains { $0.contains("Intern") })
            #expect(try await client.call(.get, "/api/v1/portal/requests?organisation=maybe", token: world.erika).status == .unprocessableContent)
            #expect(try await client.call(.get, "/api/v1/portal/requests", token: world.admin).status == .forbidden)
        }
    }

    @Test("state changes that matter are mailed in the requester's language and thread; solved requests are confirmed or reopened",
          arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let ticketID = try #require(try await world.orderToner().object.int("ticketId"))
            let confirmation = try #require(try await world.outbox().last)
            try await world.setState(ticketID, "offen")
            try await world.setState(ticketID, "in Bearbeitung")
            try await world.setState(ticketID, "warten auf Rückmeldung", pendingUntil: "2030-01-01T10:00:00Z")
            try await world.setState(ticketID, "gelöst")
            let number = try #require(try await client.call(.get, "/api/v1/tickets/\(ticketID)", token: world.admin).object.string("number"))
            let subjects = try await world.outbox().filter { $0.ticketID == ticketID }.map(\.subject)
            let expected: [String] = [
                confirmation.subject, "[Ticket#\(number)] Ihr Anliegen \(number) wird bearbeitet",
                "[Ticket#\(number)] Rückfrage zu Ihrem Anliegen \(number)", "[Ticket#\(number)] Ihr Anliegen \(number) ist gelöst",
            ]
            #expect(subjects == expected)
            let threaded = try await system.database.read { db in
                try await db.raw("SELECT in_reply_to FROM articles WHERE ticket_id = \(bind: ticketID) AND sender = 'system' ORDER BY id").all()
                    .map { try $0.decode(column: "in_reply_to", as: String?.self) }
            }
            #expect(threaded.count == 4 && threaded.dropFirst().allSatisfy { $0 != nil })

            let solved = try await client.call(.get, "/api/v1/portal/requests/\(ticketID)", token: world.erika)
            #expect(solved.object.string("status") == "solved" && solved.object["canConfirm"] as? Bool == true)
            let reopened = try await client.call(.post, "/api/v1/portal/requests/\(ticketID)/reopen", token: world.erika,
                                                 json: ["body": "Der Drucker druckt immer noch streifig."])
            #expect(reopened.object.string("status") == "inProgress")
            #expect(try await client.call(.post, "/api/v1/portal/requests/\(ticketID)/confirm", token: world.erika).status == .conflict)
            try await world.setState(ticketID, "gelöst")
            #expect(try await client.call(.post, "/api/v1/portal/requests/\(ticketID)/confirm", token: world.karl).status == .notFound)
            let confirmed = try await client.call(.post, "/api/v1/portal/requests/\(ticketID)/confirm", token: world.erika)
            #expect(confirmed.object.string("status") == "closed" && confirmed.object.string("statusText") == "Abgeschlossen")
            #expect(try await client.call(.get, "/api/v1/tickets/\(ticketID)", token: world.admin).object.string("state") == "geschlossen (erfolgreich)")
        }
    }

    @Test("a requester's reply to a solved request reopens it, in the portal as by mail; a queue refusing follow-ups refuses it",
          arguments: TestBackend.available)
    func replyReopens(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let ticketID = try #require(try await world.orderToner().object.int("ticketId"))
            func state() async throws -> String? {
                try await client.call(.get, "/api/v1/tickets/\(ticketID)", token: world.admin).object.string("state")
            }
            try await world.setState(ticketID, "gelöst")
            let reply = try await client.call(.post, "/api/v1/tickets/\(ticketID)/articles", token: world.erika,
                                              json: ["body": "Der Drucker druckt immer noch streifig."])
            #expect(reply.status == .created)
            #expect(try await state() == "offen")
            #expect(try await client.call(.get, "/api/v1/portal/requests/\(ticketID)", token: world.erika).object.string("status") == "inProgress")

            try await world.setState(ticketID, "gelöst")
            let number = try #require(try await client.call(.get, "/api/v1/tickets/\(ticketID)", token: world.admin).object.string("number"))
            let mail = try await client.call(.post, "/api/v1/mail/inbound", token: world.admin, raw: MailIntakeTests.message(
                from: "Erika <erika@ordnungsamt.example>", subject: "Re: [Ticket#\(number)] Ihr Anliegen ist gelöst", messageID: "reply-1@ordnungsamt.example"
            ))
            #expect(mail.status == .created)
            #expect(try await state() == "offen")

            let queueName = try #require(try await client.call(.get, "/api/v1/tickets/\(ticketID)", token: world.admin).object.string("queue"))
            let queueID = try #require(try await client.call(.get, "/api/v1/queues", token: world.admin).items.first { $0.string("name") == queueName }?.int("id"))
            #expect(try await client.call(.patch, "/api/v1/queues/\(queueID)", token: world.admin, json: ["followUpPolicy": "reject"]).status == .ok)
            try await world.setState(ticketID, "gelöst")
            let refused = try await client.call(.post, "/api/v1/tickets/\(ticketID)/articles", token: world.erika, json: ["body": "Noch etwas."])
            #expect(refused.status == .conflict)
            #expect(try await state() == "gelöst")
        }
    }
}
