import NIOCore
import NIOSSL

/// One SMTP conversation on an open connection; owned by one task from greeting to `QUIT`.
struct SMTPSession {
    /// Wraps an error thrown by the caller's `beforeCommit`, so that it is not mistaken for a connection failure.
    struct CommitHookError: Error {
        let underlying: any Error
    }

    /// Messages are written in pieces of this size, so that a large one does not sit in memory twice.
    private static let chunkSize = 64 * 1024

    let channel: any Channel
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let settings: SMTPSettings
    let tlsContext: NIOSSLContext?
    private var parser = SMTPReplyParser()
    private var encrypted: Bool

    init(channel: any Channel, inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
         outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, settings: SMTPSettings, tlsContext: NIOSSLContext?) {
        self.channel = channel
        self.inbound = inbound
        self.outbound = outbound
        self.settings = settings
        self.tlsContext = tlsContext
        self.encrypted = settings.security == .tls
    }

    /// The name to send for SNI and to verify the certificate against; nil for an IP address, which SNI cannot carry.
    static func serverName(_ host: String) -> String? {
        host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
    }

    mutating func deliver(_ envelope: SMTPEnvelope, beforeCommit: @Sendable () async throws -> Void) async throws -> SMTPDelivery {
        try Self.expect(await readReply(timeout: settings.commandTimeout, during: "greeting"), [220], "greeting")
        var capabilities = try await hello()
        if settings.security == .startTLS {
            guard capabilities.keys.contains("STARTTLS") else { throw SMTPError.configuration("the server does not offer STARTTLS") }
            try Self.expect(await command("STARTTLS", name: "STARTTLS"), [220], "STARTTLS")
            try await startTLS()
            capabilities = try await hello()
        }
        if let username = settings.username {
            try await authenticate(username: username, password: settings.password ?? "", mechanisms: capabilities["AUTH"] ?? [])
        }
        try Self.expect(await command("MAIL FROM:<\(envelope.sender)>", name: "MAIL"), [250], "MAIL")
        var rejected: [String: SMTPReply] = [:]
        for recipient in envelope.recipients {
            let reply = try await command("RCPT TO:<\(recipient)>", name: "RCPT")
            if reply.code != 250 && reply.code != 251 { rejected[recipient] = reply }
        }
        guard rejected.count < envelope.recipients.count else {
            await quit()
            throw SMTPError.recipientsRejected(rejected)
        }
        try Self.expect(await command("DATA", name: "DATA"), [354], "DATA")
        let data = DotStuffing.encode(envelope.message)
        var offset = 0
        while offset < data.count {
            let end = min(offset + Self.chunkSize, data.count)
            try await send(ByteBuffer(bytes: data[offset..<end]), during: "DATA")
            offset = end
        }
        do {
            try await beforeCommit()
        } catch {
            throw CommitHookError(underlying: error)
        }
        try await send(ByteBuffer(string: ".\r\n"), during: "end of data")
        let accepted = try await readReply(timeout: settings.dataTimeout, during: "end of data")
        try Self.expect(accepted, [250], "end of data")
        await quit()
        return SMTPDelivery(reply: accepted, rejectedRecipients: rejected)
    }

    /// `EHLO`; the server's extensions by keyword (upper case) with their parameters.
    private mutating func hello() async throws -> [String: [String]] {
        let reply = try await command("EHLO \(settings.heloName)", name: "EHLO")
        try Self.expect(reply, [250], "EHLO")
        var capabilities: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            capabilities[keyword, default: []] += words.dropFirst()
        }
        return capabilities
    }

    private mutating func startTLS() async throws {
        guard let tlsContext else { throw SMTPError.configuration("no TLS context") }
        // Bytes the server sent before the handshake could be injected by an attacker (CVE-2011-0411): refuse them.
        guard try parser.nextReply() == nil else { throw SMTPError.protocolViolation("data after the STARTTLS reply") }
        let serverName = Self.serverName(settings.host)
        let channel = self.channel
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLClientHandler(context: tlsContext, serverHostname: serverName), position: .first)
        }.get()
        encrypted = true
    }

    private mutating func authenticate(username: String, password: String, mechanisms: [String]) async throws {
        guard encrypted else { throw SMTPError.configuration("AUTH is only sent over TLS; choose starttls or tls") }
        let encode = { (text: String) in String(decoding: Base64.encode(Array(text.utf8)), as: UTF8.self) }
        if mechanisms.contains("PLAIN") {
            try Self.expect(await command("AUTH PLAIN " + encode("\0\(username)\0\(password)"), name: "AUTH"), [235], "AUTH")
        } else if mechanisms.contains("LOGIN") {
            try Self.expect(await command("AUTH LOGIN", name: "AUTH"), [334], "AUTH")
            try Self.expect(await command(encode(username), name: "AUTH"), [334], "AUTH")
            try Self.expect(await command(encode(password), name: "AUTH"), [235], "AUTH")
        } else {
            throw SMTPError.configuration("the server offers neither AUTH PLAIN nor AUTH LOGIN")
        }
    }

    /// Says goodbye; the message is already accepted or refused, so a failure here changes nothing.
    private mutating func quit() async {
        _ = try? await command("QUIT", name: "QUIT")
    }

    private mutating func command(_ line: String, name: String) async throws -> SMTPReply {
        try await send(ByteBuffer(string: line + "\r\n"), during: name)
        return try await readReply(timeout: settings.commandTimeout, during: name)
    }

    /// Writes `bytes`; a server that does not take them within the command timeout is a timeout.
    private func send(_ bytes: ByteBuffer, during step: String) async throws {
        let timeout = settings.commandTimeout
        let watchdog = closing(after: timeout)
        defer { watchdog.cancel() }
        let start = ContinuousClock.now
        do {
            try await outbound.write(bytes)
        } catch {
            throw Self.failure(error, during: step, after: ContinuousClock.now - start, timeout: timeout)
        }
    }

    /// The next reply; closes the connection when none arrives within `timeout`.
    private mutating func readReply(timeout: Duration, during step: String) async throws -> SMTPReply {
        if let reply = try parser.nextReply() { return reply }
        let watchdog = closing(after: timeout)
        defer { watchdog.cancel() }
        let start = ContinuousClock.now
        while true {
            let buffer: ByteBuffer?
            do {
                buffer = try await inbound.next()
            } catch {
                throw Self.failure(error, during: step, after: ContinuousClock.now - start, timeout: timeout)
            }
            guard let buffer else {
                throw Self.failure(nil, during: step, after: ContinuousClock.now - start, timeout: timeout)
            }
            parser.append(buffer.readableBytesView)
            if let reply = try parser.nextReply() { return reply }
        }
    }

    /// A task that closes the connection after `timeout` unless cancelled first, which ends a stalled read or write.
    private func closing(after timeout: Duration) -> Task<Void, Never> {
        let channel = self.channel
        return Task {
            do {
                try await Task.sleep(for: timeout)
                channel.close(promise: nil)
            } catch {}
        }
    }

    /// A failed read or write as an `SMTPError`: a timeout when the watchdog closed the connection.
    private static func failure(_ error: (any Error)?, during step: String, after elapsed: Duration, timeout: Duration) -> SMTPError {
        if elapsed >= timeout { return .timeout("no progress during \(step) within \(timeout)") }
        return .connection(error.map { "during \(step): \($0)" } ?? "the server closed the connection during \(step)")
    }

    private static func expect(_ reply: SMTPReply, _ codes: Set<Int>, _ command: String) throws(SMTPError) {
        guard codes.contains(reply.code) else { throw .rejected(command: command, reply: reply) }
    }
}
