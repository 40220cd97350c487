import NIOCore
import NIOPosix
import NIOSSL

/// Delivers messages to one SMTP server (a relay or submission server), one connection per message.
///
/// Speaks RFC 5321 with `EHLO`, optional `STARTTLS` (RFC 3207) or implicit TLS (RFC 8314), `AUTH PLAIN` or
/// `AUTH LOGIN` (only over TLS), `MAIL FROM`, one `RCPT TO` per recipient, `DATA` with dot-stuffing, `QUIT`.
/// Certificates are verified against the system's trust store plus an optional PEM file. Knows nothing of tickets.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    private let tlsContext: NIOSSLContext?

    /// Prepares the TLS context; throws a ``SMTPError/configuration(_:)`` when the trusted-certificates file is unusable.
    public init(settings: SMTPSettings) throws(SMTPError) {
        self.settings = settings
        guard settings.security != .none else {
            tlsContext = nil
            return
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = settings.trustedCertificatesFile {
            configuration.additionalTrustRoots = [.file(file)]
        }
        do {
            tlsContext = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .configuration("TLS setup failed: \(error)")
        }
    }

    /// Sends one message. `beforeCommit` runs after the whole message has been transmitted and just before the
    /// final `.` line that makes the server take responsibility for it; when it throws, the client closes the
    /// connection without that line (the server then discards the message) and rethrows its error unchanged.
    /// Every other failure is an ``SMTPError``.
    public func send(
        _ envelope: SMTPEnvelope, beforeCommit: @Sendable () async throws -> Void = {}
    ) async throws -> SMTPDelivery {
        for address in [envelope.sender] + envelope.recipients where !Self.isUsableAddress(address, allowEmpty: address == envelope.sender) {
            throw SMTPError.invalidAddress(address)
        }
        guard !envelope.recipients.isEmpty else { throw SMTPError.invalidAddress("") }
        do {
            let channel = try await connect()
            let settings = self.settings
            let tlsContext = self.tlsContext
            return try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    channel: channel.channel, inbound: inbound.makeAsyncIterator(), outbound: outbound,
                    settings: settings, tlsContext: tlsContext
                )
                return try await session.deliver(envelope, beforeCommit: beforeCommit)
            }
        } catch let error as SMTPError {
            throw error
        } catch let error as SMTPSession.CommitHookError {
            throw error.underlying
        } catch {
            throw SMTPError.connection("\(settings.host):\(settings.port): \(error)")
        }
    }

    private func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let implicitTLS = settings.security == .tls ? tlsContext : nil
        let serverName = SMTPSession.serverName(settings.host)
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.nanoseconds(Self.nanoseconds(settings.connectTimeout)))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    /// A `local@domain` address that can stand between angle brackets in a command (empty for the null path).
    static func isUsableAddress(_ address: String, allowEmpty: Bool) -> Bool {
        if address.isEmpty { return allowEmpty }
        return address.utf8.count <= 254 && address.utf8.contains(0x40)
            && address.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x3C && $0 != 0x3E }
    }
}
