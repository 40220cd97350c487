import Hummingbird
import Logging
import ServiceLifecycle
import Web

/// The real Ticketwerk HTTP server, started inside this process on 127.0.0.1 and a free port.
struct InProcessServer: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts the server and returns once it listens.
    static func start(services: WebServices, logger: Logger) async throws -> InProcessServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(services: services, settings: ServerSettings(host: "127.0.0.1", port: 0), logger: logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            try await task.value
            throw BenchError.serverDidNotStart
        }
        return InProcessServer(port: port, group: group, task: task)
    }

    /// Finishes in-flight requests and stops the server.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
