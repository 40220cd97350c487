import Foundation
import Logging
import SQLKit

/// The application's database: SQLite (embedded default) or PostgreSQL (scale-out), same schema and queries.
///
/// Reads run on any connection; `transaction` runs its body atomically and rolls back when it throws.
public final class Database: Sendable {
    /// Where the database lives.
    public enum Location: Sendable, Equatable {
        /// An SQLite file (created when missing).
        case sqlite(path: String)
        /// A PostgreSQL server, as a `postgres://user:password@host:port/database` URL.
        case postgres(url: String)
    }

    private let backend: any DatabaseBackend

    /// Where this database lives.
    public let location: Location

    /// The engine in use.
    public var dialect: Dialect { backend.dialect }

    /// Counter values reserved ahead by this process (for parallel writers).
    public let counterBlocks: CounterBlocks

    private init(backend: any DatabaseBackend, location: Location) {
        self.backend = backend
        self.location = location
        self.counterBlocks = CounterBlocks(backend: backend)
    }

    /// Opens (and for SQLite creates) the database. Does not migrate; see `Migrator`.
    public static func open(_ location: Location, logger: Logger) async throws -> Database {
        switch location {
        case .sqlite(let path):
            return Database(backend: try await SQLiteBackend.open(path: path, logger: logger), location: location)
        case .postgres(let url):
            return Database(backend: try await PostgresBackend.open(url: url, logger: logger), location: location)
        }
    }

    /// Runs `body` outside a transaction, for reads.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.read(body)
    }

    /// Runs `body` in one transaction; commits when it returns, rolls back when it throws.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.transaction(body)
    }

    /// Closes every connection.
    public func close() async {
        await backend.close()
    }
}
