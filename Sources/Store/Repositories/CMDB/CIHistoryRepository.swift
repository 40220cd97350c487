import Domain
import Foundation
import SQLKit

/// Who changed which field or attribute of an item, when, from what to what.
public struct CIHistoryRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func append(itemID: Int64, actorID: Int64?, field: String, old: String?, new: String?, at date: Date) async throws {
        try await db.raw("""
            INSERT INTO cmdb_history (item_id, actor_id, field, old_value, new_value, created_at)
            VALUES (\(bind: itemID), \(bind: actorID), \(bind: field), \(bind: old), \(bind: new), \(bind: date.millis))
            """).run()
    }

    /// Up to `limit` entries of the item, newest first, older than entry `before` when given (reads the
    /// `(item_id, id)` index).
    public func entries(ofItem itemID: Int64, before: Int64?, limit: Int) async throws -> [CIHistoryEntry] {
        try await db.raw("""
            SELECT * FROM cmdb_history WHERE item_id = \(bind: itemID) AND id < \(bind: before ?? Int64.max) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { row in
            CIHistoryEntry(
                id: try row.int64("id"), itemID: try row.int64("item_id"), actorID: try row.int64OrNil("actor_id"),
                field: try row.string("field"), oldValue: try row.stringOrNil("old_value"), newValue: try row.stringOrNil("new_value"),
                createdAt: try row.date("created_at")
            )
        }
    }
}
