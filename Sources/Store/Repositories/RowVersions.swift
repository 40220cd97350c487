import SQLKit

/// The version counter of administered rows (migrations 12 and 28), for records whose repositories write their rows
/// themselves: read it, or count it up — from an expected value only, so that a save from a stale copy writes nothing.
public struct RowVersions: Sendable {
    let db: any SQLDatabase
    let table: String
    let column: String

    /// The counter `column` of the rows of `table`, found by their `id`.
    public init(_ db: any SQLDatabase, table: String, column: String = "version") {
        self.db = db
        self.table = table
        self.column = column
    }

    /// The current version of the row `id`; nil when there is none.
    public func current(_ id: Int64) async throws -> Int64? {
        try await db.raw("SELECT \(ident: column) AS version FROM \(ident: table) WHERE id = \(bind: id)").first()?
            .decode(column: "version", as: Int64.self)
    }

    /// Counts the row's version up; with `expected`, only while the row is still at that version. Returns the new
    /// version, or nil when nothing was counted (no such row, or another version).
    public func advance(_ id: Int64, from expected: Int64?) async throws -> Int64? {
        let check: SQLQueryString = expected.map { " AND \(ident: column) = \(bind: $0)" } ?? ""
        return try await db.raw("""
            UPDATE \(ident: table) SET \(ident: column) = \(ident: column) + 1 WHERE id = \(bind: id)\(check) RETURNING \(ident: column) AS version
            """).first()?.decode(column: "version", as: Int64.self)
    }
}
