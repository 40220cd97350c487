import Domain
import Foundation
import SQLKit

/// The change history of tickets.
public struct HistoryRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func append(ticketID: Int64, actorID: Int64?, field: String, old: String?, new: String?, at date: Date) async throws {
        try await db.raw("""
            INSERT INTO history (ticket_id, actor_id, field, old_value, new_value, created_at)
            VALUES (\(bind: ticketID), \(bind: actorID), \(bind: field), \(bind: old), \(bind: new), \(bind: date.millis))
            """).run()
    }

    /// A history entry not yet written.
    public struct NewEntry: Sendable {
        public var ticketID: Int64
        public var actorID: Int64?
        public var field: String
        public var old: String?
        public var new: String?

        public init(ticketID: Int64, actorID: Int64?, field: String, old: String?, new: String?) {
            self.ticketID = ticketID
            self.actorID = actorID
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// Appends `entries` in order with one multi-row `INSERT`.
    public func append(_ entries: [NewEntry], at date: Date) async throws {
        for chunk in entries.chunked(BulkWriter.rowsPerStatement) {
            try await db.preparing(rows: chunk.count).raw(Self.insert(chunk, at: date)).run()
        }
    }

    /// The `INSERT` of `entries` (at most `BulkWriter.rowsPerStatement`), for `append` and for statements that
    /// write history along with something else.
    static func insert(_ entries: some Collection<NewEntry>, at date: Date) -> SQLQueryString {
        let rows = entries.map { entry -> SQLQueryString in
            "(\(bind: entry.ticketID), \(bind: entry.actorID), \(bind: entry.field), \(bind: entry.old), \(bind: entry.new), \(bind: date.millis))"
        }
        return "INSERT INTO history (ticket_id, actor_id, field, old_value, new_value, created_at) VALUES \(rows.joined(separator: ", "))"
    }

    public func entries(ofTicket ticketID: Int64) async throws -> [HistoryEntry] {
        try await db.raw("SELECT * FROM history WHERE ticket_id = \(bind: ticketID) ORDER BY id").all().map { row in
            HistoryEntry(
                id: try row.int64("id"), ticketID: try row.int64("ticket_id"), actorID: try row.int64OrNil("actor_id"),
                field: try row.string("field"), oldValue: try row.stringOrNil("old_value"), newValue: try row.stringOrNil("new_value"),
                createdAt: try row.date("created_at")
            )
        }
    }
}
