import Domain
import Foundation
import SQLKit

/// A saved ticket list of one agent: its name, filter (JSON) and whether every agent sees it.
public struct StoredTicketView: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    /// The list's filter as a JSON object.
    public var filter: String
    public var isShared: Bool
    public var createdAt: Date

    public init(id: Int64, userID: Int64, name: String, filter: String, isShared: Bool, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.name = name
        self.filter = filter
        self.isShared = isShared
        self.createdAt = createdAt
    }
}

/// Saved ticket lists.
public struct TicketViewRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The user's own views and every shared one, by name.
    public func visible(to userID: Int64) async throws -> [StoredTicketView] {
        try await db.raw("""
            SELECT * FROM ticket_views WHERE user_id = \(bind: userID) OR is_shared = \(bind: true) ORDER BY name_key, id
            """).all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> StoredTicketView? {
        try await db.raw("SELECT * FROM ticket_views WHERE id = \(bind: id)").first().map(Self.decode)
    }

    /// Whether the user has a view of this name (case-insensitive).
    public func exists(name: String, userID: Int64) async throws -> Bool {
        try await db.raw("""
            SELECT 1 AS found FROM ticket_views WHERE user_id = \(bind: userID) AND name_key = \(bind: name.lowercased())
            """).first() != nil
    }

    public func insert(_ view: StoredTicketView) async throws -> StoredTicketView {
        let row = try await db.raw("""
            INSERT INTO ticket_views (user_id, name, name_key, filter, is_shared, created_at)
            VALUES (\(bind: view.userID), \(bind: view.name), \(bind: view.name.lowercased()), \(bind: view.filter), \(bind: view.isShared),
                    \(bind: view.createdAt.millis))
            RETURNING id
            """).first()
        var stored = view
        stored.id = try row?.int64("id") ?? 0
        return stored
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM ticket_views WHERE id = \(bind: id)").run()
    }

    static func decode(_ row: any SQLRow) throws -> StoredTicketView {
        StoredTicketView(
            id: try row.int64("id"), userID: try row.int64("user_id"), name: try row.string("name"), filter: try row.string("filter"),
            isShared: try row.bool("is_shared"), createdAt: try row.date("created_at")
        )
    }
}
