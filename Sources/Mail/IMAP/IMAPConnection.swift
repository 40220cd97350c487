import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A signed-out or signed-in IMAP4rev1 session with one server, over plain TCP, STARTTLS or implicit TLS.
///
/// Commands run one at a time; each waits for its tagged answer and fails with an ``IMAPError`` (a `NO`/`BAD`,
/// a timeout, a closed connection). The connection knows nothing of tickets; see `IMAPConnection+Mailbox` for
/// what it can do with messages. Close it with ``logout()`` or ``close()``.
public actor IMAPConnection {
    private let channel: any Channel
    private let handler: NIOLoopBound<IMAPResponseHandler>
    private var tagNumber = 0
    /// What the server says it supports, upper-cased (`IMAP4REV1`, `UIDPLUS`, `MOVE`, `AUTH=PLAIN` …).
    public private(set) var capabilities: Set<String> = []

    private init(channel: any Channel, handler: NIOLoopBound<IMAPResponseHandler>) {
        self.channel = channel
        self.handler = handler
    }

    /// Connects, reads the greeting and, for ``IMAPSecurity/startTLS``, upgrades the connection before returning.
    public static func connect(
        _ configuration: IMAPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(IMAPError) -> IMAPConnection {
        let tls = configuration.security == .none ? nil : try TLSSettings(configuration)
        let timeout = TimeAmount(configuration.responseTimeout)
        let literalLimit = configuration.maximumLiteralBytes
        let implicitTLS = configuration.security == .tls ? tls : nil
        // The initializer hands the handler out here: looked up afterwards, it could already be gone with a
        // channel that a failed TLS handshake closed.
        let installed = Mutex<NIOLoopBound<IMAPResponseHandler>?>(nil)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(TimeAmount(configuration.connectTimeout))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS { try channel.pipeline.syncOperations.addHandler(try implicitTLS.makeHandler()) }
                        let handler = IMAPResponseHandler(timeout: timeout, maximumLiteralBytes: literalLimit)
                        try channel.pipeline.syncOperations.addHandler(handler)
                        installed.withLock { $0 = NIOLoopBound(handler, eventLoop: channel.eventLoop) }
                    }
                }
                .connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw .connectionFailed("\(configuration.host):\(configuration.port): \(error)")
        }
        guard let handler = installed.withLock({ $0 }) else {
            try? await channel.close()
            throw .connectionFailed("\(configuration.host):\(configuration.port): the connection was not set up")
        }
        let connection = IMAPConnection(channel: channel, handler: handler)
        do {
            try await connection.start(startTLS: configuration.security == .startTLS ? tls : nil)
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Reads the greeting, learns the capabilities and performs STARTTLS when asked to.
    private func start(startTLS: TLSSettings?) async throws(IMAPError) {
        guard case .untagged(.condition(let status, let text)) = try await nextResponse() else {
            throw .protocolViolation("the server did not greet")
        }
        guard status == .ok || status == .preauth else { throw .connectionClosed("the server refused the connection: \(text)") }
        try await learnCapabilities(from: text)
        guard let startTLS else { return }
        guard capabilities.contains("STARTTLS") else { throw .startTLSUnavailable }
        _ = try await execute(IMAPCommand("STARTTLS"))
        do {
            try await channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(try startTLS.makeHandler(), position: .first)
            }.get()
        } catch {
            throw .tlsFailed("\(error)")
        }
        capabilities = []
        try await learnCapabilities(from: nil)
    }

    /// Takes the capabilities from a `[CAPABILITY …]` response code, or asks for them.
    func learnCapabilities(from text: IMAPResponseText?) async throws(IMAPError) {
        if let words = text?.codeWords, words.first?.uppercased() == "CAPABILITY" {
            capabilities = Set(words.dropFirst().map { $0.uppercased() })
            return
        }
        let (untagged, _) = try await execute(IMAPCommand("CAPABILITY"))
        for case .capability(let list) in untagged { capabilities = Set(list) }
    }

    /// Runs one command and returns the untagged data it brought and the text of its `OK`.
    func execute(_ command: IMAPCommand) async throws(IMAPError) -> (untagged: [IMAPUntaggedResponse], text: IMAPResponseText) {
        tagNumber += 1
        let tag = "tw\(tagNumber)"
        var untagged: [IMAPUntaggedResponse] = []
        var pending = Array(tag.utf8) + [UInt8(ascii: " ")]
        let literalPlus = capabilities.contains("LITERAL+")
        for part in command.parts {
            switch part {
            case .text(let text):
                pending += Array(text.utf8)
            case .literal(let bytes):
                pending += Array("{\(bytes.count)\(literalPlus ? "+" : "")}\r\n".utf8)
                if !literalPlus {
                    try await write(pending)
                    try await awaitContinuation(of: command, tag: tag, collecting: &untagged)
                    pending = []
                }
                pending += bytes
            case .afterContinuation(let bytes):
                try await write(pending + Array("\r\n".utf8))
                try await awaitContinuation(of: command, tag: tag, collecting: &untagged)
                pending = bytes
            }
        }
        try await write(pending + Array("\r\n".utf8))
        while true {
            switch try await nextResponse() {
            case .untagged(.condition(.bye, let text)) where command.name != "LOGOUT":
                await close()
                throw .connectionClosed("the server said goodbye: \(text)")
            case .untagged(let data):
                untagged.append(data)
            case .continuation:
                throw .protocolViolation("unexpected continuation request during \(command.name)")
            case .tagged(let answered, let status, let text):
                guard answered == tag else { continue }
                guard status == .ok else { throw .commandFailed(command: command.name, status: status.rawValue, text: text.description) }
                return (untagged, text)
            }
        }
    }

    private func awaitContinuation(of command: IMAPCommand, tag: String, collecting untagged: inout [IMAPUntaggedResponse]) async throws(IMAPError) {
        while true {
            switch try await nextResponse() {
            case .continuation: return
            case .untagged(let data): untagged.append(data)
            case .tagged(let answered, let status, let text):
                guard answered == tag else { continue }
                throw .commandFailed(command: command.name, status: status.rawValue, text: text.description)
            }
        }
    }

    private func nextResponse() async throws(IMAPError) -> IMAPResponse {
        let handler = handler
        let loop = channel.eventLoop
        do {
            return try await loop.flatSubmit { handler.value.next(on: loop) }.get()
        } catch let error as IMAPError {
            throw error
        } catch {
            throw .connectionClosed("\(error)")
        }
    }

    private func write(_ bytes: [UInt8]) async throws(IMAPError) {
        do {
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
        } catch {
            throw .connectionClosed("cannot send: \(error)")
        }
    }

    /// Says `LOGOUT` (ignoring a server that no longer answers) and closes the connection.
    public func logout() async {
        _ = try? await execute(IMAPCommand("LOGOUT"))
        await close()
    }

    /// Closes the connection without a word to the server.
    public func close() async {
        try? await channel.close()
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
