import SQLKit

/// A master-data type stored as one row of its own table, read and written by `Records`.
public protocol StoredRecord: Sendable, Identifiable where ID == Int64 {
    static var table: String { get }
    static func decode(_ row: any SQLRow) throws -> Self
    /// Every column but `id`, with its value.
    var columns: [(String, any Encodable & Sendable)] { get }
}

/// Reads and writes rows of one `StoredRecord` type.
public struct Records<Record: StoredRecord>: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [Record] {
        try await db.raw("SELECT * FROM \(ident: Record.table) ORDER BY id").all().map(Record.decode)
    }

    public func find(_ id: Int64) async throws -> Record? {
        try await db.raw("SELECT * FROM \(ident: Record.table) WHERE id = \(bind: id)").first().map(Record.decode)
    }

    /// Inserts `record` (its `id` is ignored) and returns it with the assigned id.
    public func insert(_ record: Record) async throws -> Record {
        let columns = record.columns
        let row = try await db.raw("""
            INSERT INTO \(ident: Record.table) (\(idents: columns.map(\.0), joinedBy: ", "))
            VALUES (\(binds: columns.map(\.1))) RETURNING *
            """).first()
        guard let row else { throw StoreError.corrupt("insert into \(Record.table) returned nothing") }
        return try Record.decode(row)
    }

    /// Writes `record` over its row and counts the row's version up. With `expectedVersion`, only a row still at that
    /// version is written. Returns the new version, or nil when nothing was written (no such row, or another version).
    @discardableResult
    public func update(_ record: Record, expectedVersion: Int64? = nil) async throws -> Int64? {
        let assignments = record.columns.map { column, value in SQLQueryString("\(ident: column) = \(bind: value)") }
        let versionCheck: SQLQueryString = expectedVersion.map { " AND version = \(bind: $0)" } ?? ""
        return try await db.raw("""
            UPDATE \(ident: Record.table) SET \(assignments.joined(separator: ", ")), version = version + 1
            WHERE id = \(bind: record.id)\(versionCheck) RETURNING version
            """).first()?.decode(column: "version", as: Int64.self)
    }

    /// The current version of the row `id`; nil when there is none.
    public func version(of id: Int64) async throws -> Int64? {
        try await RowVersions(db, table: Record.table).current(id)
    }
}
