import Domain
import Foundation
import Logging
import SQLiteKit

/// SQLite in WAL mode through the C API (`SQLiteDirectConnection`): one writer connection serialised by a lock
/// and several readers, each with a thread of its own on which a transaction's or a read's whole body runs. No
/// SQLite call blocks a thread of the cooperative pool, not even while SQLite waits for another process's
/// write lock (`mailgate` beside `serve`).
final class SQLiteBackend: DatabaseBackend {
    let dialect = Dialect.sqlite
    private let writer: SQLiteDirectDatabase
    private let writerExecutor = ThreadExecutor(name: "sqlite-writer")
    private let readers: [(database: SQLiteDirectDatabase, executor: ThreadExecutor)]
    private let writeLock = AsyncLock()

    private init(writer: SQLiteDirectDatabase, readers: [(database: SQLiteDirectDatabase, executor: ThreadExecutor)]) {
        self.writer = writer
        self.readers = readers
    }

    static func open(path: String, logger: Logger, readerCount: Int = 4) async throws -> SQLiteBackend {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let pragmas = ["PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                       "PRAGMA foreign_keys = ON", "PRAGMA cache_size = -32000", "PRAGMA temp_store = MEMORY"]
        func connect() async throws -> SQLiteDirectDatabase {
            let database = SQLiteDirectDatabase(connection: try SQLiteDirectConnection(path: path), logger: logger)
            for pragma in pragmas {
                try await database.raw(SQLQueryString(pragma)).run()
            }
            return database
        }
        let writer = try await connect()
        var readers: [(database: SQLiteDirectDatabase, executor: ThreadExecutor)] = []
        for index in 0..<readerCount {
            readers.append((try await connect(), ThreadExecutor(name: "sqlite-reader-\(index)")))
        }
        return SQLiteBackend(writer: writer, readers: readers)
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let reader = readers.min { $0.executor.load.load(ordering: .relaxed) < $1.executor.load.load(ordering: .relaxed) } ?? readers[0]
        reader.executor.load.add(1, ordering: .relaxed)
        defer { reader.executor.load.subtract(1, ordering: .relaxed) }
        return try await withTaskExecutorPreference(reader.executor) {
            try await body(reader.database)
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        defer { writeLock.unlock() }
        let database = writer
        return try await withTaskExecutorPreference(writerExecutor) {
            try await database.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                if let error = error as? SQLiteDirectError, error.isUniqueViolation {
                    throw DomainError.conflict("An entry with this value exists already.")
                }
                throw error
            }
        }
    }

    func close() async {
        for reader in readers { reader.executor.stop() }
        writerExecutor.stop()
    }
}
