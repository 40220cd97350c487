import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit's view of `SQLiteDirectConnection`: serialises queries with the SQLite dialect, encodes binds as
/// sqlite-kit does, and runs them inline.
struct SQLiteDirectDatabase: SQLDatabase {
    let connection: SQLiteDirectConnection
    let logger: Logger
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    var dialect: any SQLDialect { SQLiteDialect() }
    var version: (any SQLDatabaseReportedVersion)? { nil }

    private static let encoder = SQLiteDataEncoder()

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    /// Runs `query` just before the open write transaction commits, after the statements of every caller in its
    /// group (see `SQLiteBackend.transaction`). For writes to FTS5 tables: FTS5 writes the terms it has pending
    /// into a new index segment whenever a savepoint opens, and the group commit opens one per caller, so written
    /// inline every new ticket cost two segment flushes and their merges; held back, a whole group costs one.
    /// The transaction must not read those tables afterwards (it would not see the held-back rows; debug builds
    /// assert this). `row` is the rowid the statement writes (see `SQLiteDirectConnection.runHeldBack`).
    func runAtCommit(_ query: any SQLExpression, writing row: Int64) throws {
        let (sql, binds) = serialize(query)
        connection.holdBack(sql, try binds.map { try Self.encoder.encode($0) }, row: row)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        try connection.execute(sql, try binds.map { try Self.encoder.encode($0) }) { onRow($0) }
    }
}
