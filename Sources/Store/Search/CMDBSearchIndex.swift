import SQLKit

/// The full-text document of each item (number, name, class, text-like attribute values), written in the
/// transaction that changes the item: FTS5 table `cmdb_fts` on SQLite, `cmdb_search.document` on PostgreSQL.
public struct CMDBSearchIndex: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// Writes the item's document, replacing the previous one unless `isNew`.
    public func index(itemID: Int64, text: String, isNew: Bool) async throws {
        switch dialect {
        case .sqlite:
            if !isNew { try await db.raw("DELETE FROM cmdb_fts WHERE rowid = \(bind: itemID)").run() }
            try await db.raw("INSERT INTO cmdb_fts (rowid, head) VALUES (\(bind: itemID), \(bind: text))").run()
        case .postgres:
            let words = SearchIndex.words(text)
            try await db.raw("""
                INSERT INTO cmdb_search (item_id, document)
                VALUES (\(bind: itemID), to_tsvector('german', \(bind: words)) || to_tsvector('english', \(bind: words)))
                ON CONFLICT (item_id) DO UPDATE SET document = excluded.document
                """).run()
        }
    }
}
