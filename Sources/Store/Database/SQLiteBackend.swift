import Domain
import Foundation
import Logging
import SQLiteKit
import Synchronization

/// SQLite in WAL mode through the C API (`SQLiteDirectConnection`): one writer connection serialised by a lock
/// and several readers, each with a thread of its own on which a transaction's or a read's whole body runs. No
/// SQLite call blocks a thread of the cooperative pool, not even while SQLite waits for another process's
/// write lock (`mailgate` beside `serve`).
final class SQLiteBackend: DatabaseBackend {
    let dialect = Dialect.sqlite
    private let writer: SQLiteDirectDatabase
    private let writerExecutor = ThreadExecutor(name: "sqlite-writer")
    private let readers: [(database: SQLiteDirectDatabase, executor: ThreadExecutor)]
    private let checkpointer: WALCheckpointer
    private let writeLock = AsyncLock()
    /// The write transaction callers share (see `transaction`); changed only by the holder of `writeLock`.
    private let group = Mutex(WriteGroup())
    /// The most callers one commit serves, so that the first of a busy stream does not wait long.
    static let maxGroupSize = 32

    private struct WriteGroup {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, any Error>] = []
    }
    /// Set by `close()`; a reader or the writer thread takes no new work after that, so calls fail at once.
    private let isClosed = Atomic<Bool>(false)

    private init(
        writer: SQLiteDirectDatabase, readers: [(database: SQLiteDirectDatabase, executor: ThreadExecutor)], checkpointer: WALCheckpointer
    ) {
        self.writer = writer
        self.readers = readers
        self.checkpointer = checkpointer
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
        let checkpointer = try WALCheckpointer(path: path)
        writer.connection.reportWALFrames(to: checkpointer.frames)
        var readers: [(database: SQLiteDirectDatabase, executor: ThreadExecutor)] = []
        for index in 0..<readerCount {
            readers.append((try await connect(), ThreadExecutor(name: "sqlite-reader-\(index)")))
        }
        return SQLiteBackend(writer: writer, readers: readers, checkpointer: checkpointer)
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard !isClosed.load(ordering: .acquiring) else { throw StoreError.closed }
        let reader = readers.min { $0.executor.load.load(ordering: .relaxed) < $1.executor.load.load(ordering: .relaxed) } ?? readers[0]
        reader.executor.load.add(1, ordering: .relaxed)
        defer { reader.executor.load.subtract(1, ordering: .relaxed) }
        return try await withTaskExecutorPreference(reader.executor) {
            try await body(reader.database)
        }
    }

    /// Runs `body` in a write transaction on the writer connection.
    ///
    /// Concurrent callers share one SQLite transaction ("group commit"): the writer runs one body at a time, and
    /// when others are waiting for it, a body that succeeded does not commit but leaves the transaction open for
    /// the next one and waits; the last body of the group (no one waiting, or `maxGroupSize` reached) commits
    /// for all. A commit with its WAL frames and FTS5 segment flush is most of what a small write costs, and a
    /// group pays it once. Each caller still sees its own transaction: a body that joins an open transaction runs
    /// in a savepoint and a failed one is rolled back to it, leaving the others' work alone; a caller returns only
    /// once its work is committed, and if the commit fails every caller of the group gets that error. Writes to the
    /// ticket full-text tables are held back to just before the commit (`SQLiteDirectDatabase.runAtCommit`), and a
    /// separate connection checkpoints the log (`WALCheckpointer`).
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await writeLock.lock()
        guard !isClosed.load(ordering: .acquiring) else {
            writeLock.unlock()
            throw StoreError.closed
        }
        let run = try await withTaskExecutorPreference(writerExecutor) { try await self.runInGroup(body) }
        switch run {
        case .committed(let result):
            return try result.get()
        case .awaitingCommit(let result):
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                group.withLock { $0.waiters.append(continuation) }
                writeLock.unlock()
            }
            return result
        }
    }

    /// The outcome of one caller's body: settled (committed, or failed), or written and waiting for the group's commit.
    private enum GroupRun<T: Sendable>: Sendable {
        case committed(Result<T, any Error>)
        case awaitingCommit(T)
    }

    /// Runs one body on the writer thread while holding `writeLock`, and commits or hands the open transaction on.
    /// Releases `writeLock` unless the caller is to wait for the commit (the caller releases it then).
    private func runInGroup<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> GroupRun<T> {
        let database = writer
        let joins = group.withLock { $0.isOpen }
        if !joins {
            do {
                try await database.raw("BEGIN IMMEDIATE").run()
            } catch {
                writeLock.unlock()
                throw error
            }
            group.withLock { $0.isOpen = true }
        }
        let outcome: Result<T, any Error>
        let heldBackBefore = database.connection.heldBack.count
        do {
            if joins { try await database.raw("SAVEPOINT group_member").run() }
            let result = try await body(database)
            if joins { try await database.raw("RELEASE group_member").run() }
            outcome = .success(result)
        } catch {
            outcome = .failure(Self.translate(error))
            if !joins {
                // The transaction holds this body's work only: roll it all back.
                try? await database.raw("ROLLBACK").run()
                database.connection.dropHeldBack(from: 0)
                group.withLock { $0 = WriteGroup() }
            } else if database.connection.isInTransaction {
                try? await database.raw("ROLLBACK TO group_member").run()
                try? await database.raw("RELEASE group_member").run()
                database.connection.dropHeldBack(from: heldBackBefore)
            } else {
                // SQLite ended the whole transaction (an I/O error, a full disk): the others' work is gone too.
                database.connection.dropHeldBack(from: 0)
                failGroup(with: error)
            }
        }
        let isOpen = group.withLock { $0.isOpen }
        if isOpen, writeLock.hasWaiters, group.withLock({ $0.waiters.count + 1 < Self.maxGroupSize }) {
            switch outcome {
            case .success(let result): return .awaitingCommit(result)
            case .failure: break
            }
            writeLock.unlock()
            return .committed(outcome)
        }
        if isOpen, let error = await commitGroup() {
            writeLock.unlock()
            if case .failure = outcome { return .committed(outcome) }
            return .committed(.failure(error))
        }
        writeLock.unlock()
        return .committed(outcome)
    }

    /// Commits the open group transaction and tells its waiting callers; returns the commit's error, if any.
    /// Called on the writer thread by the holder of `writeLock`.
    private func commitGroup() async -> (any Error)? {
        let waiters = group.withLock { group in
            defer { group = WriteGroup() }
            return group.waiters
        }
        do {
            try writer.connection.runHeldBack()
            try await writer.raw("COMMIT").run()
            for waiter in waiters { waiter.resume() }
            checkpointer.logGrew()
            return nil
        } catch {
            writer.connection.dropHeldBack(from: 0)
            if writer.connection.isInTransaction { try? await writer.raw("ROLLBACK").run() }
            let translated = Self.translate(error)
            for waiter in waiters { waiter.resume(throwing: translated) }
            return translated
        }
    }

    private func failGroup(with error: any Error) {
        let waiters = group.withLock { group in
            defer { group = WriteGroup() }
            return group.waiters
        }
        for waiter in waiters { waiter.resume(throwing: Self.translate(error)) }
    }

    /// Unique-constraint violations become conflicts; everything else passes unchanged.
    private static func translate(_ error: any Error) -> any Error {
        if let error = error as? SQLiteDirectError, error.isUniqueViolation {
            return DomainError.conflict("An entry with this value exists already.")
        }
        return error
    }

    func close() async {
        isClosed.store(true, ordering: .releasing)
        await writeLock.lock()
        defer { writeLock.unlock() }
        if group.withLock({ $0.isOpen }) {
            _ = await withTaskExecutorPreference(writerExecutor) { await self.commitGroup() }
        }
        await checkpointer.close()
        for reader in readers { reader.executor.stop() }
        writerExecutor.stop()
    }
}
