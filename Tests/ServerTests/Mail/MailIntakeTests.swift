import Foundation
import HTTPTypes
import Testing

@Suite("Inbound mail through POST /api/v1/mail/inbound")
struct MailIntakeTests {
    static func message(
        from: String = "Erika Muster <erika.muster@stadt.example>", to: String = "servicedesk@stadt.example",
        subject: String, messageID: String, inReplyTo: String? = nil, body: String = "Hallo,\r\nder Drucker druckt nicht.\r\n"
    ) -> [UInt8] {
        var lines = ["From: \(from)", "To: \(to)", "Subject: \(subject)", "Message-ID: <\(messageID)>", "Date: Fri, 27 Nov 2026 09:15:00 +0100",
                     "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    @Test("a new mail opens a ticket; replies by number and by Message-ID follow up; closed tickets reopen", arguments: TestBackend.available)
    func threading(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            _ = try await client.call(.post, "/api/v1/organisations", token: token, json: ["name": "Bürgeramt", "mailDomains": ["stadt.example"]])
            let subject = "=?ISO-8859-1?Q?Drucker_im_B=FCrgerb=FCro?="
            let first = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: Self.message(subject: subject, messageID: "a1@stadt.example"))
            #expect(first.status == .created)
            #expect(first.object.string("outcome") == "created")
            let id = try #require(first.object.int("ticketId"))
            let number = try #require(first.object.string("number"))
            let ticket = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(ticket.object.string("title") == "Drucker im Bürgerbüro")
            #expect(ticket.object.string("queue") == "Servicedesk")
            let contact = try await client.call(.get, "/api/v1/contacts/\(try #require(ticket.object.int("contactId")))", token: token)
            #expect(contact.object["organisationId"] != nil)
            #expect(contact.object.string("firstName") == "Erika", "the new contact is named after the mail's display name")
            #expect(contact.object.string("lastName") == "Muster")
            let attachments = try await client.call(.get, "/api/v1/tickets/\(id)/attachments", token: token)
            #expect(attachments.items.map { $0.string("filename") } == ["original.eml"])

            let byNumber = try await client.call(.post, "/api/v1/mail/inbound", token: token,
                                                 raw: Self.message(subject: "Re: [Ticket#\(number)] Drucker", messageID: "a2@stadt.example"))
            #expect(byNumber.object.string("outcome") == "followUp")
            #expect(byNumber.object.int("ticketId") == id)

            let colleague = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: Self.message(
                from: "Kollege <k@stadt.example>", subject: "AW: Drucker", messageID: "a3@stadt.example", inReplyTo: "a1@stadt.example"))
            #expect(colleague.object.int("ticketId") == id)

            _ = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["state": "geschlossen (erfolgreich)"])
            let late = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: Self.message(
                subject: "Re: [Ticket#\(number)] Drucker", messageID: "a4@stadt.example", body: "Geht wieder nicht."))
            #expect(late.object.string("outcome") == "reopened")
            let reopened = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(reopened.object.string("stateType") == "open")

            let foreign = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: Self.message(
                subject: "Re: [Ticket#2026112799000010] fremd", messageID: "a5@stadt.example"))
            #expect(foreign.object.string("outcome") == "created")
            let articles = try await client.call(.get, "/api/v1/tickets/\(id)/articles", token: token)
            #expect(articles.items.count == 4)
            #expect(articles.items.allSatisfy { $0.string("channel") == "email" })
        }
    }

    @Test("system addresses route to queues; garbage still becomes a ticket; agents without admin may not post mail", arguments: TestBackend.available)
    func routingAndRobustness(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let queues = try await client.call(.get, "/api/v1/queues", token: token)
            let network = try #require(queues.items.first { $0.string("name") == "Netzwerk" }?.int("id"))
            _ = try await client.call(.patch, "/api/v1/queues/\(network)", token: token, json: ["systemAddress": "netz@stadt.example"])
            let routed = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: Self.message(
                to: "Netzwerk-Team <NETZ@stadt.example>", subject: "VPN", messageID: "b1@stadt.example"))
            let ticket = try await client.call(.get, "/api/v1/tickets/\(try #require(routed.object.int("ticketId")))", token: token)
            #expect(ticket.object.string("queue") == "Netzwerk")

            let garbage: [UInt8] = [0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D, 0x0A] + Array("Subject without headers\n\n\u{0}".utf8)
            let recovered = try await client.call(.post, "/api/v1/mail/inbound", token: token, raw: garbage)
            #expect(recovered.status == .created)
            let garbageTicket = try #require(recovered.object.int("ticketId"))
            let kept = try await client.call(.get, "/api/v1/tickets/\(garbageTicket)/attachments", token: token)
            #expect(kept.items.first?.int("size") == Int64(garbage.count))

            let (_, agent) = try await system.agent("m.mail", rights: ["Servicedesk": .all])
            let before = try await system.count("tickets")
            let refused = try await client.call(.post, "/api/v1/mail/inbound", token: agent, raw: Self.message(subject: "x", messageID: "b2@stadt.example"))
            #expect(refused.status == .forbidden)
            #expect(try await system.count("tickets") == before)
        }
    }
}
