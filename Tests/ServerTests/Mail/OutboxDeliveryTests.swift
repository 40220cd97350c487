import Domain
import Foundation
import Mail
import Services
import Testing
import Workers

/// Agent replies through the outbox and the delivery worker, to the real aiosmtpd sink.
@Suite("Mail outbox: replies, retries, failures, several nodes, crashes")
struct OutboxDeliveryTests {
    @Test("a reply with Cc, Bcc and attachments reaches the sink and parses back, by our parser and by Python, as it is stored",
          arguments: TestBackend.available)
    func replyRoundTrip(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        try await TestSystem.run(backend) { system, client in
            let customer = SMTPSink.address("erika")
            let colleague = SMTPSink.address("kollege")
            let hidden = SMTPSink.address("leitung")
            let ticket = try await system.mailTicket(client, from: customer, messageID: "frage-\(UUID())@buerger.example")
            let pdf = Array("%PDF-1.4 Bescheid äöü".utf8)
            let note = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken, json: [
                "body": "Handbuch", "attachments": [["filename": "Handbuch Drucker.pdf", "contentType": "application/pdf",
                                                     "contentBase64": Data(pdf).base64EncodedString()]],
            ])
            let stored = try await client.call(.get, "/api/v1/tickets/\(ticket.id)/attachments", token: system.adminToken)
            let manual = try #require(stored.items.first { $0.string("filename") == "Handbuch Drucker.pdf" }?.int("id"))
            #expect(note.status == .created)

            let body = "Guten Tag Frau Muster,\n\nbitte starten Sie den Drucker neu. Grüße aus dem Bürgerbüro\n.\nEnde"
            let reply = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken, json: [
                "send": true, "cc": "\"Kollege, Karl\" <\(colleague)>", "bcc": hidden, "body": body, "attachmentIds": [manual],
                "attachments": [["filename": "Anleitung.txt", "contentType": "text/plain", "contentBase64": Data("Schritt 1".utf8).base64EncodedString()]],
            ])
            #expect(reply.status == .created)
            #expect(try await system.outbox(ofTicket: ticket.id).map(\.status) == [.queued])

            #expect(try await system.deliveryJob(sink.settings(.startTLS), owner: "node-a").runOnce() == .idle)
            let received = try sink.received(for: customer)
            try #require(received.count == 1)
            let mail = MIMEParser.parse(received[0].bytes)
            let subject = "[Ticket#\(ticket.number)] Re: Drucker im Bürgerbüro"
            #expect(mail.subject == subject)
            #expect(mail.from.map(\.address) == ["servicedesk@stadt.example"])
            #expect(mail.to.map(\.address) == [customer])
            #expect(mail.cc.map(\.address) == [colleague])
            #expect(Set(received[0].rcptTos) == [customer, colleague, hidden])
            #expect(!String(decoding: received[0].bytes, as: UTF8.self).contains(hidden))
            #expect(mail.textBody?.replacingOccurrences(of: "\r\n", with: "\n") == body)
            #expect(mail.attachments.map { $0.filename ?? "" }.sorted() == ["Anleitung.txt", "Handbuch Drucker.pdf"])
            #expect(mail.attachments.first { $0.filename == "Handbuch Drucker.pdf" }?.bytes == pdf)
            let articles = try await client.call(.get, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken)
            let first = try #require(articles.items.first)
            #expect(mail.inReplyTo == [first.string("messageId") ?? ""])
            #expect(mail.references == [first.string("messageId") ?? ""])

            let sent = try #require(articles.items.last)
            #expect(sent.string("messageId") == mail.messageID)
            #expect(sent.string("subject") == subject)
            #expect(sent.string("bodyText") == body)
            #expect(sent.string("to") == "Erika Muster <\(customer)>")
            #expect(sent.string("cc")?.contains(colleague) == true)
            #expect(sent.string("from") == "Servicedesk <servicedesk@stadt.example>")
            let outbox = try await system.outbox(ofTicket: ticket.id)
            #expect(outbox.map(\.status) == [.sent])
            #expect(outbox.first?.serverReply?.hasPrefix("250") == true)

            let python = try #require(received[0].python)
            #expect(python.subject == subject)
            #expect(python.to.map { $0[1] } == [customer])
            #expect(python.cc.map { $0[1] } == [colleague])
            #expect(!python.hasBcc)
            #expect(python.messageID == mail.messageID)
            #expect(python.text == body)
            #expect(python.attachments.compactMap(\.filename).sorted() == ["Anleitung.txt", "Handbuch Drucker.pdf"])
            #expect(python.defects.isEmpty)

            // A follow-up from the customer that answers our reply lands on the same ticket.
            let answer = Array("From: \(customer)\r\nTo: servicedesk@stadt.example\r\nSubject: Antwort\r\nIn-Reply-To: <\(mail.messageID ?? "")>\r\n\r\nDanke!\r\n".utf8)
            let filed = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: answer)
            #expect(filed.object.int("ticketId") == ticket.id)
        }
    }

    @Test("bad replies change nothing: no system address, no recipient, a header injection, a foreign attachment",
          arguments: TestBackend.available)
    func badReplies(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let ticket = try await system.mailTicket(client, from: "erika@buerger.example", messageID: "b-\(UUID())@buerger.example")
            let other = try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: [
                "title": "Anderes", "queue": "Netzwerk", "article": ["body": "x", "attachments": [["filename": "a.txt", "contentBase64": "eA=="]]],
            ])
            let otherID = try #require(other.object.int("id"))
            let foreign = try #require(try await client.call(.get, "/api/v1/tickets/\(otherID)/attachments", token: system.adminToken).items.first?.int("id"))
            let articles = try await system.count("articles")
            let cases: [(Int64, [String: Any], String)] = [
                (otherID, ["send": true, "to": "a@b.example", "body": "x"], "send"),
                (ticket.id, ["send": true, "to": "keine adresse", "body": "x"], "to"),
                (ticket.id, ["send": true, "subject": "Hallo\r\nBcc: opfer@example.org", "body": "x"], "subject"),
                (ticket.id, ["send": true, "cc": "a@b.example\nBcc: opfer@example.org", "body": "x"], "cc"),
                (ticket.id, ["send": true, "body": "x", "attachmentIds": [foreign]], "attachmentIds[0]"),
                (ticket.id, ["channel": "note", "send": true, "body": "x"], "channel"),
                (ticket.id, ["body": "x", "bcc": "a@b.example"], "bcc"),
            ]
            for (id, json, field) in cases {
                let response = try await client.call(.post, "/api/v1/tickets/\(id)/articles", token: system.adminToken, json: json)
                #expect(response.status == .unprocessableContent, "\(json)")
                #expect(String(decoding: Data(buffer: response.raw), as: UTF8.self).contains("\"\(field)\""), "\(json)")
            }
            #expect(try await system.count("articles") == articles)
            #expect(try await system.count("mail_outbox") == 0)
        }
    }

    @Test("a 451 is retried after the backoff; a 550 fails for good and says so on the ticket", arguments: TestBackend.available)
    func retryAndFailure(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        try await TestSystem.run(backend) { system, client in
            let later = SMTPSink.address("tempfail")
            let ticket = try await system.mailTicket(client, from: later, messageID: "r-\(UUID())@buerger.example")
            _ = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken, json: ["send": true, "body": "Antwort"])
            let patient = OutboxPolicy(firstBackoff: 3600)
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a", policy: patient).runOnce()
            var outbox = try await system.outbox(ofTicket: ticket.id)
            #expect(outbox.map(\.status) == [.queued])
            #expect(outbox.first?.attempts == 1)
            #expect(outbox.first?.lastError?.contains("451") == true)
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a", policy: patient).runOnce()
            #expect(try sink.received(for: later).isEmpty)
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a", later: 3601, policy: patient).runOnce()
            outbox = try await system.outbox(ofTicket: ticket.id)
            #expect(outbox.map(\.status) == [.sent])
            #expect(outbox.first?.attempts == 2)
            #expect(try sink.received(for: later).count == 1)

            let gone = SMTPSink.address("reject")
            _ = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken, json: ["send": true, "to": gone, "body": "Antwort"])
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a").runOnce()
            outbox = try await system.outbox(ofTicket: ticket.id)
            #expect(outbox.map(\.status) == [.sent, .failed])
            #expect(outbox.last?.lastError?.contains("550") == true)
            let articles = try await client.call(.get, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken)
            let notice = try #require(articles.items.last)
            #expect(notice.string("channel") == "system")
            #expect(notice["customerVisible"] as? Bool == false)
            #expect(notice.string("bodyText")?.contains(gone) == true)
            #expect(notice.string("bodyText")?.contains("550") == true)
            let history = try await client.call(.get, "/api/v1/tickets/\(ticket.id)/history", token: system.adminToken)
            #expect(history.items.contains { $0.string("field") == "mailDelivery" && $0.string("newValue") == "failed" })

            // An agent sends it again (say, after the address was fixed on the server): queued, attempts reset.
            let failedID = try #require(outbox.last?.id)
            let retried = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/outbox/\(failedID)/retry", token: system.adminToken)
            #expect(retried.object.string("status") == "queued")
            #expect(retried.object.int("attempts") == 0)
            let sentID = try #require(outbox.first?.id)
            #expect(try await client.call(.post, "/api/v1/tickets/\(ticket.id)/outbox/\(sentID)/retry", token: system.adminToken).status == .conflict)
        }
    }

    @Test("two nodes working the same outbox send every message exactly once", arguments: TestBackend.available)
    func twoNodes(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        try await TestSystem.run(backend) { system, client in
            let ticket = try await system.mailTicket(client, from: "erika@buerger.example", messageID: "n-\(UUID())@buerger.example")
            let recipients = (0..<8).map { SMTPSink.address("node\($0)") }
            for recipient in recipients {
                _ = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken,
                                          json: ["send": true, "to": recipient, "body": "Antwort"])
            }
            let first = try system.deliveryJob(sink.settings(.none), owner: "node-a")
            let second = try system.deliveryJob(sink.settings(.none), owner: "node-b")
            @Sendable func drain(_ job: OutboxDeliveryJob) async throws {
                while try await job.runOnce() == .moreWork {}
            }
            async let a: Void = drain(first)
            async let b: Void = drain(second)
            _ = try await (a, b)
            _ = try await first.runOnce()
            for recipient in recipients {
                #expect(try sink.received(for: recipient).count == 1, "\(recipient)")
            }
            #expect(try await system.outbox(ofTicket: ticket.id).allSatisfy { $0.status == .sent })
        }
    }

    @Test("a node that dies before the final line: another sends the message once; after it: never again, and the ticket says so",
          arguments: TestBackend.available)
    func crashes(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        try await TestSystem.run(backend) { system, client in
            let early = SMTPSink.address("frueh")
            let ticket = try await system.mailTicket(client, from: early, messageID: "c-\(UUID())@buerger.example")
            _ = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken, json: ["send": true, "body": "Eins"])
            let lease = OutboxPolicy().lease

            // The dying node leased the message, then vanished before the final line.
            let dead = system.outboxDelivery()
            let leased = try await dead.claim(owner: "dead-node", limit: 10)
            #expect(leased.count == 1)
            #expect(try await system.deliveryJob(sink.settings(.none), owner: "node-b").runOnce() == .idle)
            #expect(try sink.received(for: early).isEmpty)
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-b", later: lease + 1).runOnce()
            #expect(try sink.received(for: early).count == 1)
            #expect(try await dead.markCommitting(leased[0].id, owner: "dead-node") == false)

            // The second node dies after the server took the message, before recording it.
            let late = SMTPSink.address("spaet")
            _ = try await client.call(.post, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken,
                                      json: ["send": true, "to": late, "body": "Zwei"])
            let message = try #require(try await dead.claim(owner: "dying-node", limit: 10).first)
            _ = try await SMTPClient(settings: sink.settings(.none)).send(
                SMTPEnvelope(sender: message.envelopeSender, recipients: message.envelopeRecipients, message: message.content)
            ) {
                _ = try await dead.markCommitting(message.id, owner: "dying-node")
            }
            #expect(try sink.received(for: late).count == 1)
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-c", later: lease + 1).runOnce()
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-c", later: 2 * lease + 2).runOnce()
            #expect(try sink.received(for: late).count == 1)
            let outbox = try await system.outbox(ofTicket: ticket.id)
            #expect(outbox.map(\.status) == [.sent, .unconfirmed])
            let articles = try await client.call(.get, "/api/v1/tickets/\(ticket.id)/articles", token: system.adminToken)
            #expect(articles.items.last?.string("subject") == "Zustellung unbestätigt / Delivery unconfirmed")
        }
    }
}
