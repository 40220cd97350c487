import Domain
import Foundation
import Logging
import PostgresKit

/// PostgreSQL through a `PostgresClient` connection pool, shared by any number of server processes.
final class PostgresBackend: DatabaseBackend {
    let dialect = Dialect.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Opens a pool for a `postgres://` URL (`PostgresURL`: TCP, or a Unix socket with `?host=/directory`).
    static func open(url: String, logger: Logger) async throws -> PostgresBackend {
        var configuration = try PostgresURL.configuration(url)
        configuration.options.maximumConnections = 24
        configuration.options.minimumConnections = 2
        let backend = PostgresBackend(client: PostgresClient(configuration: configuration, backgroundLogger: logger), logger: logger)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await backend.read { db in try await db.raw("SELECT 1").run() } }
                group.addTask {
                    try await Task.sleep(for: .seconds(10))
                    throw DatabaseUnreachableError(reason: "no answer within 10 seconds")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as DatabaseUnreachableError {
            await backend.close()
            throw error
        } catch {
            await backend.close()
            // PostgresNIO's own description hides the details; its reflection names the cause (refused, password, …).
            throw DatabaseUnreachableError(reason: String(reflecting: error))
        }
        return backend
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(PostgresSession(connection))
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(PostgresSession(connection))
            }
        } catch let error as PostgresTransactionError {
            throw Self.translate(error.closureError ?? error.beginError ?? error.commitError ?? error)
        } catch {
            throw Self.translate(error)
        }
    }

    /// Unique-constraint violations become conflicts; everything else passes unchanged.
    private static func translate(_ error: any Error) -> any Error {
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
            return DomainError.conflict("An entry with this value exists already.")
        }
        return error
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }
}

/// The database server refused the first connection or did not answer within 10 seconds.
public struct DatabaseUnreachableError: Error, CustomStringConvertible {
    /// What went wrong, as the driver reports it.
    public let reason: String
    public var description: String { "The PostgreSQL server is not reachable: \(reason)" }
}

/// A database URL that cannot be used.
public struct DatabaseURLError: Error, CustomStringConvertible {
    public let url: String
    public var description: String {
        "Not a usable PostgreSQL URL (expected postgres://user:password@host:port/database, or postgres://user:password@/database?host=/socket/directory)."
    }
}

