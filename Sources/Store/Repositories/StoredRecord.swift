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

    public func update(_ record: Record) async throws {
        let assignments = record.columns.map { column, value in SQLQueryString("\(ident: column) = \(bind: value)") }
        try await db.raw("UPDATE \(ident: Record.table) SET \(assignments.joined(separator: ", ")) WHERE id = \(bind: record.id)").run()
    }
}
