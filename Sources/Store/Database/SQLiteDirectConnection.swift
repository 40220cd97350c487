import Domain
import Foundation
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// The one SQLite connection that writes, driven directly through the C API on the calling thread, with a
/// cache of prepared statements.
///
/// sqlite-nio runs every statement on a thread pool and hands the result back: two thread switches per
/// statement, about twenty statements per ticket created, and a fresh `sqlite3_prepare` each time. This
/// connection runs statements inline on the calling thread instead; `SQLiteBackend` moves a whole transaction
/// or read onto a thread of the connection's own (`ThreadExecutor`), so a statement costs microseconds, a
/// transaction two thread switches, and no blocking call lands on the cooperative pool.
///
/// Not thread-safe by itself: `SQLiteBackend` lets one task at a time use a connection.
final class SQLiteDirectConnection: @unchecked Sendable {
    /// A prepared statement with the names of its result columns.
    private struct Prepared {
        let handle: OpaquePointer
        let columns: SQLiteColumnNames
    }

    /// Statements are cached by their SQL text; a full cache is emptied (the texts a server uses are few).
    static let cacheCapacity = 512
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Bound text and blobs up to this size stay in a cached statement until its next run.
    static let retainedBindBytes = 64 * 1024

    private let handle: OpaquePointer
    private var cache: [String: Prepared] = [:]
    /// Statements held back until the open transaction commits (`SQLiteDirectDatabase.runAtCommit`), in the order
    /// they came, each with the row it writes.
    private(set) var heldBack: [(sql: String, binds: [SQLiteData], row: Int64)] = []

    /// Whether a transaction is open; false after an error made SQLite roll back the whole transaction.
    var isInTransaction: Bool { sqlite_nio_sqlite3_get_autocommit(handle) == 0 }

    /// `sqlite3_initialize`, once per process before the first open.
    private static let initialized: Void = { _ = sqlite_nio_sqlite3_initialize() }()

    init(path: String) throws {
        Self.initialized
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteDirectError(code: status, message: "Cannot open the SQLite database at \(path).")
        }
        self.handle = handle
    }

    deinit {
        for prepared in cache.values { sqlite_nio_sqlite3_finalize(prepared.handle) }
        sqlite_nio_sqlite3_close_v2(handle)
    }

    /// Runs one statement with `binds` and hands each result row to `onRow`.
    func execute(_ sql: String, _ binds: [SQLiteData], _ onRow: (SQLiteValuesRow) throws -> Void) throws {
        assert(heldBack.isEmpty || !(sql.contains("ticket_fts") || sql.contains("ticket_customer_fts")),
               "A write transaction uses a ticket full-text table while writes to it are held back.")
        let prepared = try statement(for: sql)
        let statement = prepared.handle
        var boundBytes = 0
        defer {
            sqlite_nio_sqlite3_reset(statement)
            // Every parameter is bound anew on each run, so the bindings are cleared only to free large copies.
            // Clearing always would also expire every statement whose plan depends on a bound value (the planner
            // weighs an equality with a bound 0 or 1, such as `u.is_agent = ?` in the token lookup, differently),
            // and SQLite would prepare it again on the next run.
            if boundBytes > Self.retainedBindBytes { sqlite_nio_sqlite3_clear_bindings(statement) }
        }
        if binds.count != Int(sqlite_nio_sqlite3_bind_parameter_count(statement)) { sqlite_nio_sqlite3_clear_bindings(statement) }
        for (index, bind) in binds.enumerated() {
            boundBytes += bind.byteCount
            try check(bindValue(bind, at: Int32(index + 1), to: statement))
        }
        let width = Int32(prepared.columns.names.count)
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status) }
            var values: [SQLiteData] = []
            values.reserveCapacity(Int(width))
            for column in 0..<width { values.append(value(at: column, of: statement)) }
            try onRow(SQLiteValuesRow(columns: prepared.columns, values: values))
        }
    }

    private func statement(for sql: String) throws -> Prepared {
        if let cached = cache[sql] { return cached }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
        let prepared = Prepared(handle: statement, columns: SQLiteColumnNames(names))
        if cache.count >= Self.cacheCapacity {
            for old in cache.values { sqlite_nio_sqlite3_finalize(old.handle) }
            cache.removeAll(keepingCapacity: true)
        }
        cache[sql] = prepared
        return prepared
    }

    private func bindValue(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let integer):
            sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
        case .float(let double):
            sqlite_nio_sqlite3_bind_double(statement, index, double)
        case .text(let text):
            sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), Self.transient)
            }
        case .null:
            sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    private func value(at column: Int32, of statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default:
            return .null
        }
    }

    /// Keeps a statement that writes `row` to run just before the open transaction commits.
    func holdBack(_ sql: String, _ binds: [SQLiteData], row: Int64) {
        heldBack.append((sql, binds, row))
    }

    /// Forgets the held-back statements from `index` on (those of a caller whose work was rolled back).
    func dropHeldBack(from index: Int) {
        heldBack.removeSubrange(index...)
    }

    /// Runs the held-back statements by ascending row, those of one row in the order they came, and forgets them.
    /// FTS5 flushes its pending terms to a new segment whenever a write goes to a lower rowid than the one before;
    /// follow-ups to older tickets in the order they arrived did that nearly every time. Writes to different rows
    /// do not depend on each other, so the order changes nothing else.
    func runHeldBack() throws {
        let statements = heldBack.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
        heldBack = []
        for (_, statement) in statements { try execute(statement.sql, statement.binds) { _ in } }
    }

    /// Stores the number of frames in the write-ahead log into `frames` after every commit of this connection.
    /// Installing the hook turns off SQLite's automatic checkpoint for this connection (`WALCheckpointer` runs
    /// them elsewhere); `frames` must outlive the connection.
    func reportWALFrames(to frames: WALFrameCount) {
        _ = sqlite_nio_sqlite3_wal_hook(handle, { context, _, _, count in
            if let context {
                Unmanaged<WALFrameCount>.fromOpaque(context).takeUnretainedValue().value.store(Int(count), ordering: .relaxed)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(frames).toOpaque())
    }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_OK else { throw error(status) }
    }

    private func error(_ status: Int32) -> SQLiteDirectError {
        SQLiteDirectError(code: sqlite_nio_sqlite3_extended_errcode(handle), message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
    }
}

/// A failed statement on the writer connection: SQLite's extended result code and message.
struct SQLiteDirectError: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    /// A UNIQUE or PRIMARY KEY constraint refused the row (`SQLITE_CONSTRAINT_UNIQUE`, `…_PRIMARYKEY`: C macros
    /// Swift does not import).
    var isUniqueViolation: Bool { code == SQLITE_CONSTRAINT | (8 << 8) || code == SQLITE_CONSTRAINT | (6 << 8) }

    var description: String { "SQLite error \(code): \(message)" }
}

extension SQLiteData {
    /// The bytes a bound text or blob occupies (numbers and NULL count as nothing).
    fileprivate var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .blob(let buffer): buffer.readableBytes
        case .integer, .float, .null: 0
        }
    }
}
