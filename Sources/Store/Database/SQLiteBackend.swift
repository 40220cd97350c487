import Domain
import Foundation
import Logging
import NIOPosix
import SQLiteKit
import Synchronization

/// SQLite in WAL mode: one writer connection serialised by a lock (run inline, see `SQLiteWriterConnection`),
/// several reader connections on sqlite-nio's thread pool.
final class SQLiteBackend: DatabaseBackend {
    let dialect = Dialect.sqlite
    private let writer: SQLiteWriterDatabase
    private let readers: [SQLiteConnection]
    private let writeLock = AsyncLock()
    private let nextReader = Atomic<Int>(0)
    private let threadPool: NIOThreadPool

    private init(writer: SQLiteWriterDatabase, readers: [SQLiteConnection], threadPool: NIOThreadPool) {
        self.writer = writer
        self.readers = readers
        self.threadPool = threadPool
    }

    static func open(path: String, logger: Logger, readerCount: Int = 4) async throws -> SQLiteBackend {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let threadPool = NIOThreadPool(numberOfThreads: max(2, ProcessInfo.processInfo.activeProcessorCount))
        threadPool.start()
        let pragmas = ["PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                       "PRAGMA foreign_keys = ON", "PRAGMA cache_size = -32000", "PRAGMA temp_store = MEMORY"]
        let writer = SQLiteWriterDatabase(connection: try SQLiteWriterConnection(path: path), logger: logger)
        for pragma in pragmas {
            try await writer.raw(SQLQueryString(pragma)).run()
        }
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any()
            )
            for pragma in pragmas {
                try await connection.sql().raw(SQLQueryString(pragma)).run()
            }
            readers.append(connection)
        }
        return SQLiteBackend(writer: writer, readers: readers, threadPool: threadPool)
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).newValue
        return try await body(readers[index % readers.count].sql())
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        defer { writeLock.unlock() }
        let database = writer
        try await database.raw("BEGIN IMMEDIATE").run()
        do {
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            return result
        } catch {
            try? await database.raw("ROLLBACK").run()
            if let error = error as? SQLiteWriterError, error.isUniqueViolation {
                throw DomainError.conflict("An entry with this value exists already.")
            }
            throw error
        }
    }

    func close() async {
        for connection in readers {
            try? await connection.close()
        }
        try? await threadPool.shutdownGracefully()
    }
}
