import Foundation
import Testing

extension ContractScenario {
    /// A queue's signature and automatic answers: replaced, read back, refused to agents and for bad texts.
    func queueMailTexts(queueID: Int64, people: People) async throws {
        let texts: [String: Any] = [
            "signature": "Ihr Vertragswesen\nStadtverwaltung",
            "autoResponses": [
                ["kind": "newTicket", "language": "de", "subject": "Eingangsbestätigung {{ticket.number}}",
                 "body": "Guten Tag {{customer.name}},\nwir haben Ihr Anliegen „{{ticket.title}}“ erhalten."],
                ["kind": "newTicket", "language": "en", "subject": "Received: {{mail.subject}}", "body": "We received your request."],
            ],
        ]
        let saved = try await api.call(.put, "/api/v1/queues/\(queueID)/mail-texts", token: admin, json: texts)
        #expect(saved.status == .ok)
        let read = try await api.call(.get, "/api/v1/queues/\(queueID)/mail-texts", token: admin)
        #expect(read.object.string("signature") == "Ihr Vertragswesen\nStadtverwaltung")
        #expect((read.object["autoResponses"] as? [[String: Any]])?.count == 2)
        #expect(try await api.call(.get, "/api/v1/queues/\(queueID)/mail-texts", token: people.agentToken).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/queues/987654/mail-texts", token: admin).status == .notFound)
        for bad: [String: Any] in [
            ["autoResponses": [["kind": "newTicket", "language": "fr", "subject": "x", "body": "x"]]],
            ["autoResponses": [["kind": "newTicket", "language": "de", "subject": "Hallo\r\nBcc: x@y.example", "body": "x"]]],
            ["autoResponses": [["kind": "followUp", "language": "de", "subject": "x", "body": "{{ticket.secret}}"]]],
            ["signature": "{{ticket.number", "autoResponses": []],
        ] {
            #expect(try await api.call(.put, "/api/v1/queues/\(queueID)/mail-texts", token: admin, json: bad).status == .unprocessableContent)
        }
        #expect((try await api.call(.get, "/api/v1/queues/\(queueID)/mail-texts", token: admin).object["autoResponses"] as? [Any])?.count == 2)
    }

    /// A reply sent from a ticket of the queue, and its place in the outbox.
    func outgoingMail(queueID: Int64, people: People) async throws {
        let ticket = try await api.call(.post, "/api/v1/tickets", token: admin, json: [
            "title": "Lizenzverlängerung", "queueId": queueID, "customer": people.contactEmail, "article": ["body": "Bitte verlängern."],
        ])
        let id = try #require(ticket.object.int("id"))
        let reply = try await api.call(.post, "/api/v1/tickets/\(id)/articles", token: admin, json: [
            "send": true, "to": people.contactEmail, "bcc": "archiv@stadt.example", "body": "Ist verlängert.",
        ])
        #expect(reply.status == .created)
        #expect(reply.object.string("from") == "Vertragswesen <vertrag@stadt.example>")
        let outbox = try await api.call(.get, "/api/v1/tickets/\(id)/outbox", token: admin)
        #expect(outbox.items.map { $0.string("status") } == ["queued"])
        #expect((outbox.items.first?["recipients"] as? [String])?.contains("archiv@stadt.example") == true)
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/outbox", token: people.customerToken).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/tickets/987654/outbox", token: admin).status == .notFound)
        let queued = try #require(outbox.items.first?.int("id"))
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/outbox/\(queued)/retry", token: admin).status == .conflict)
        // A delivery node gives the mail up (as on a 550), and an agent sends it again.
        let delivery = system.outboxDelivery()
        for message in try await delivery.claim(owner: "contract-node", limit: 10) {
            try await delivery.recordFailure(message, owner: "contract-node", error: "550 5.1.1 unknown", permanent: true, uncertain: false)
        }
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/outbox", token: admin).items.first?.string("status") == "failed")
        let retried = try await api.call(.post, "/api/v1/tickets/\(id)/outbox/\(queued)/retry", token: admin)
        #expect(retried.object.string("status") == "queued")
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/outbox/987654/retry", token: admin).status == .notFound)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/outbox/\(queued)/retry", token: people.customerToken).status == .forbidden)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/articles", token: admin, json: ["send": true, "to": "kein Mail", "body": "x"])
            .status == .unprocessableContent)
    }
}
