import Domain
import Foundation
import HummingbirdTesting
import Mail
import Testing

/// Automatic answers to inbound mail: templates, the reject notice, loop protection and the daily cap.
@Suite("Automatic answers and loop protection")
struct AutoResponseTests {
    static func mail(from sender: String, subject: String = "Drucker defekt", headers: [String] = [], id: String = "\(UUID())@buerger.example") -> [UInt8] {
        Array((["From: Erika Muster <\(sender)>", "To: servicedesk@stadt.example", "Subject: \(subject)", "Message-ID: <\(id)>"]
            + headers + ["", "Der Drucker druckt nicht.", ""]).joined(separator: "\r\n").utf8)
    }

    /// Sets the Servicedesk queue's address, policy and texts; returns its id.
    static func prepareQueue(_ system: TestSystem, _ client: any TestClientProtocol, policy: String = "reopen") async throws -> Int64 {
        let queues = try await client.call(.get, "/api/v1/queues", token: system.adminToken)
        let id = try #require(queues.items.first { $0.string("name") == "Servicedesk" }?.int("id"))
        _ = try await client.call(.patch, "/api/v1/queues/\(id)", token: system.adminToken,
                                  json: ["systemAddress": "servicedesk@stadt.example", "followUpPolicy": policy])
        let saved = try await client.call(.put, "/api/v1/queues/\(id)/mail-texts", token: system.adminToken, json: [
            "signature": "Ihr Servicedesk ({{queue.name}})",
            "autoResponses": [
                ["kind": "newTicket", "language": "de", "subject": "Eingang: {{mail.subject}}",
                 "body": "Guten Tag {{customer.name}},\nIhr Anliegen hat die Nummer {{ticket.number}}."],
                ["kind": "newTicket", "language": "en", "subject": "Received: {{mail.subject}}", "body": "Dear {{customer.name}}, your ticket is {{ticket.number}}."],
            ],
        ])
        #expect(saved.status == .ok)
        return id
    }

    @Test("a new ticket is confirmed once, in the sender's language, as auto-replied mail threaded to the original",
          arguments: TestBackend.available)
    func confirmation(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        try await TestSystem.run(backend) { system, client in
            _ = try await Self.prepareQueue(system, client)
            let sender = SMTPSink.address("erika")
            let original = "\(UUID())@buerger.example"
            let filed = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: Self.mail(from: sender, id: original))
            let number = try #require(filed.object.string("number"))
            let ticketID = try #require(filed.object.int("ticketId"))
            let english = SMTPSink.address("john")
            _ = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken,
                                      raw: Self.mail(from: english, subject: "Printer", headers: ["Content-Language: en"]))
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a").runOnce()

            let received = try sink.received(for: sender)
            try #require(received.count == 1)
            #expect(received[0].mailFrom == "<>")
            let message = MIMEParser.parse(received[0].bytes)
            #expect(message.subject == "[Ticket#\(number)] Eingang: Drucker defekt")
            #expect(message.autoSubmitted == "auto-replied")
            #expect(message.headers["X-Loop"] == "servicedesk@stadt.example")
            #expect(message.inReplyTo == [original])
            #expect(message.textBody?.contains("Guten Tag Erika Muster,") == true)
            #expect(message.textBody?.contains("Nummer \(number).") == true)
            #expect(message.textBody?.contains("-- \r\nIhr Servicedesk (Servicedesk)") == true || message.textBody?.contains("-- \nIhr Servicedesk (Servicedesk)") == true)
            #expect(received[0].python?.autoSubmitted == "auto-replied")
            #expect(try sink.received(for: english).first.map { MIMEParser.parse($0.bytes).subject?.contains("Received: Printer") } == true)

            let articles = try await client.call(.get, "/api/v1/tickets/\(ticketID)/articles", token: system.adminToken)
            #expect(articles.items.count == 2)
            #expect(articles.items.last?.string("sender") == "system")
            #expect(articles.items.last?.string("messageId") == message.messageID)

            // Our own confirmation coming back (an out-of-office echo, a misrouted copy) is not answered again.
            let echo = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: received[0].bytes)
            #expect(echo.status == .created)
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a").runOnce()
            #expect(try sink.received(for: sender).count == 1)
            #expect(try await system.count("mail_outbox") == 2)

            // An agent's reply carries the queue's signature, in the mail and in the stored article.
            let reply = try await client.call(.post, "/api/v1/tickets/\(ticketID)/articles", token: system.adminToken,
                                              json: ["send": true, "body": "Wir kommen vorbei."])
            #expect(reply.object.string("bodyText") == "Wir kommen vorbei.\n\n-- \nIhr Servicedesk (Servicedesk)")
        }
    }

    @Test("no automatic answer to automatic, bulk, list, looping or bounced mail, or to our own address", arguments: TestBackend.available)
    func loopProtection(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            _ = try await Self.prepareQueue(system, client)
            let cases: [(sender: String, headers: [String], reason: String)] = [
                ("a@buerger.example", ["Auto-Submitted: auto-replied"], "Auto-Submitted"),
                ("b@buerger.example", ["Precedence: bulk"], "Precedence"),
                ("c@buerger.example", ["Precedence: junk"], "Precedence"),
                ("d@buerger.example", ["X-Loop: servicedesk@stadt.example"], "X-Loop"),
                ("e@buerger.example", ["List-Id: <rathaus.lists.example>"], "mailing list"),
                ("f@buerger.example", ["List-Unsubscribe: <mailto:leave@lists.example>"], "mailing list"),
                ("MAILER-DAEMON@buerger.example", [], "bounce"),
                ("g@buerger.example", ["Return-Path: <>"], "bounce"),
                ("servicedesk@stadt.example", [], "own address"),
            ]
            for (sender, headers, reason) in cases {
                let filed = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: Self.mail(from: sender, headers: headers))
                let id = try #require(filed.object.int("ticketId"))
                let history = try await client.call(.get, "/api/v1/tickets/\(id)/history", token: system.adminToken)
                #expect(history.items.contains { $0.string("field") == "autoResponse" && $0.string("newValue")?.contains(reason) == true }, "\(headers)")
            }
            #expect(try await system.count("mail_outbox") == 0)
            let answered = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken,
                                                 raw: Self.mail(from: "h@buerger.example", headers: ["Auto-Submitted: no"]))
            #expect(answered.status == .created)
            #expect(try await system.count("mail_outbox") == 1)
        }
    }

    @Test("one address gets at most the daily cap of automatic answers", arguments: TestBackend.available)
    func dailyCap(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            _ = try await Self.prepareQueue(system, client)
            let cap = system.services.context.configuration.autoResponseDailyCap
            for index in 0..<(cap + 2) {
                _ = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken,
                                          raw: Self.mail(from: "viel@buerger.example", subject: "Anliegen \(index)"))
            }
            _ = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: Self.mail(from: "andere@buerger.example"))
            #expect(try await system.count("mail_outbox") == cap + 1)
        }
    }

    @Test("a follow-up to a closed ticket of a reject queue is refused with a notice, in German or English", arguments: TestBackend.available)
    func rejectNotice(backend: TestBackend) async throws {
        let sink = try SMTPSink.required()
        try await TestSystem.run(backend) { system, client in
            _ = try await Self.prepareQueue(system, client, policy: "reject")
            let sender = SMTPSink.address("spaet")
            let filed = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken, raw: Self.mail(from: sender))
            let id = try #require(filed.object.int("ticketId"))
            let number = try #require(filed.object.string("number"))
            _ = try await client.call(.patch, "/api/v1/tickets/\(id)", token: system.adminToken, json: ["state": "geschlossen (erfolgreich)"])
            let late = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken,
                                             raw: Self.mail(from: sender, subject: "Re: [Ticket#\(number)] Drucker"))
            #expect(late.object.string("outcome") == "rejected")
            let lateEnglish = try await client.call(.post, "/api/v1/mail/inbound", token: system.adminToken,
                                                    raw: Self.mail(from: sender, subject: "Re: [Ticket#\(number)] Printer", headers: ["Content-Language: en-GB"]))
            #expect(lateEnglish.object.string("outcome") == "rejected")
            _ = try await system.deliveryJob(sink.settings(.none), owner: "node-a").runOnce()
            let subjects = try sink.received(for: sender).compactMap { MIMEParser.parse($0.bytes).subject }
            #expect(subjects.contains("[Ticket#\(number)] Eingang: Drucker defekt"))
            #expect(subjects.contains("[Ticket#\(number)] Ihre Nachricht zu \(number) wurde nicht angenommen"))
            #expect(subjects.contains("[Ticket#\(number)] Your message about \(number) was not accepted"))
            let ticket = try await client.call(.get, "/api/v1/tickets/\(id)", token: system.adminToken)
            #expect(ticket.object.string("stateType") == "closed")
        }
    }
}
