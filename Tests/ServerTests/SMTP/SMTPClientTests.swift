import Foundation
import Mail
import Testing

/// The SMTP client against the real aiosmtpd sink: each protection mode, AUTH, and how failures are classified.
@Suite("SMTP client against aiosmtpd")
struct SMTPClientTests {
    static func message(to recipient: String, body: String = "Guten Tag,\r\nbitte prüfen.\r\n") -> [UInt8] {
        Array("From: servicedesk@stadt.example\r\nTo: \(recipient)\r\nSubject: Test\r\nMessage-ID: <\(UUID())@stadt.example>\r\n\r\n\(body)".utf8)
    }

    @Test("plain SMTP: several recipients, dot-stuffing and bare line feeds arrive as the message's CRLF lines")
    func plain() async throws {
        let sink = try SMTPSink.required()
        let first = SMTPSink.address("erika"), second = SMTPSink.address("karl")
        let raw = Array("Subject: Punkte\r\n\r\n.eine Zeile mit Punkt\n..zwei\r\n.\r\nEnde".utf8)
        let delivery = try await SMTPClient(settings: sink.settings(.none))
            .send(SMTPEnvelope(sender: "servicedesk@stadt.example", recipients: [first, second], message: raw))
        #expect(delivery.reply.code == 250)
        #expect(delivery.rejectedRecipients.isEmpty)
        let received = try #require(try sink.received(for: first).first)
        #expect(received.rcptTos == [first, second])
        #expect(received.mailFrom == "servicedesk@stadt.example")
        #expect(String(decoding: received.bytes, as: UTF8.self) == "Subject: Punkte\r\n\r\n.eine Zeile mit Punkt\r\n..zwei\r\n.\r\nEnde\r\n")
    }

    @Test("STARTTLS and implicit TLS, each with AUTH, against a certificate made at test time", arguments: [SMTPSecurity.startTLS, .tls])
    func encrypted(security: SMTPSecurity) async throws {
        let sink = try SMTPSink.required()
        let recipient = SMTPSink.address("tls")
        _ = try await SMTPClient(settings: sink.settings(security))
            .send(SMTPEnvelope(sender: "servicedesk@stadt.example", recipients: [recipient], message: Self.message(to: recipient)))
        let received = try sink.received(for: recipient)
        #expect(received.count == 1)
        #expect(received.first?.user == sink.username)
        #expect(received.first?.listener == (security == .tls ? "tls" : "starttls"))
    }

    @Test("AUTH LOGIN when the server offers no AUTH PLAIN")
    func authLogin() async throws {
        let sink = try SMTPSink.required()
        let recipient = SMTPSink.address("login")
        var settings = sink.settings(.startTLS)
        settings.port = sink.login
        _ = try await SMTPClient(settings: settings)
            .send(SMTPEnvelope(sender: "servicedesk@stadt.example", recipients: [recipient], message: Self.message(to: recipient)))
        let received = try sink.received(for: recipient)
        #expect(received.map(\.listener) == ["login"])
        #expect(received.first?.user == sink.username)
    }

    @Test("a wrong password, an untrusted certificate and AUTH without TLS fail transiently and send nothing")
    func setupFailures() async throws {
        let sink = try SMTPSink.required()
        let recipient = SMTPSink.address("setup")
        let envelope = SMTPEnvelope(sender: "servicedesk@stadt.example", recipients: [recipient], message: Self.message(to: recipient))
        var plainWithAuth = sink.settings(.none)
        plainWithAuth.username = sink.username
        plainWithAuth.password = sink.password
        for settings in [sink.settings(.startTLS, password: "falsch"), sink.settings(.tls, trusted: false), plainWithAuth] {
            await #expect {
                try await SMTPClient(settings: settings).send(envelope)
            } throws: { error in
                (error as? SMTPError).map { !$0.isPermanent } ?? false
            }
        }
        #expect(try sink.received(for: recipient).isEmpty)
    }

    @Test("refused recipients: all refused is permanent, 451 is transient, a partial refusal still delivers to the others")
    func refusedRecipients() async throws {
        let sink = try SMTPSink.required()
        let client = try SMTPClient(settings: sink.settings(.none))
        let rejected = SMTPSink.address("reject")
        await #expect { try await client.send(SMTPEnvelope(sender: "a@stadt.example", recipients: [rejected], message: Self.message(to: rejected))) }
            throws: { ($0 as? SMTPError)?.isPermanent == true }

        let later = SMTPSink.address("tempfail")
        await #expect { try await client.send(SMTPEnvelope(sender: "a@stadt.example", recipients: [later], message: Self.message(to: later))) }
            throws: { ($0 as? SMTPError)?.isPermanent == false }
        _ = try await client.send(SMTPEnvelope(sender: "a@stadt.example", recipients: [later], message: Self.message(to: later)))
        #expect(try sink.received(for: later).count == 1)

        let good = SMTPSink.address("good")
        let mixed = try await client.send(SMTPEnvelope(sender: "a@stadt.example", recipients: [rejected, good], message: Self.message(to: good)))
        #expect(mixed.rejectedRecipients.keys.sorted() == [rejected])
        #expect(try sink.received(for: good).first?.rcptTos == [good])
    }

    @Test("a hook that throws before the final line, and a server too slow to confirm: the first sends nothing, the second times out")
    func commitPoint() async throws {
        let sink = try SMTPSink.required()
        let client = try SMTPClient(settings: sink.settings(.none))
        struct Stop: Error {}
        let stopped = SMTPSink.address("stopped")
        await #expect(throws: Stop.self) {
            try await client.send(SMTPEnvelope(sender: "a@stadt.example", recipients: [stopped], message: Self.message(to: stopped))) { throw Stop() }
        }
        #expect(try sink.received(for: stopped).isEmpty)

        var impatient = sink.settings(.none)
        impatient.dataTimeout = .seconds(1)
        let slow = SMTPSink.address("slow")
        let started = ContinuousClock.now
        await #expect {
            try await SMTPClient(settings: impatient).send(SMTPEnvelope(sender: "a@stadt.example", recipients: [slow], message: Self.message(to: slow)))
        } throws: { error in
            if case .timeout = error as? SMTPError { true } else { false }
        }
        // The server answers after 30 s; the client gave up long before, however busy the machine.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("an address with a line break or angle bracket never reaches the wire")
    func injection() async throws {
        let sink = try SMTPSink.required()
        let client = try SMTPClient(settings: sink.settings(.none))
        for bad in ["x@y.example>\r\nRCPT TO:<evil@z.example", "a b@c.example", ""] {
            await #expect(throws: SMTPError.invalidAddress(bad)) {
                try await client.send(SMTPEnvelope(sender: "a@stadt.example", recipients: [bad], message: Self.message(to: "x@y.example")))
            }
        }
    }
}
