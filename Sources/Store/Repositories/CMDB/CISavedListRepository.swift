import Domain
import Foundation
import SQLKit

/// A named item list ("alle Notebooks in Rückgabe"): its filters as JSON.
public struct CISavedList: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    /// The list's filters as a JSON object (a `ConfigItemListRequest`).
    public var query: String
    public var createdBy: Int64?
    public var createdAt: Date

    public init(id: Int64, name: String, query: String, createdBy: Int64?, createdAt: Date) {
        self.id = id
        self.name = name
        self.query = query
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// Saved item lists, shared by all agents.
public struct CISavedListRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [CISavedList] {
        try await db.raw("SELECT * FROM cmdb_saved_lists ORDER BY name_key").all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> CISavedList? {
        try await db.raw("SELECT * FROM cmdb_saved_lists WHERE id = \(bind: id)").first().map(Self.decode)
    }

    public func insert(_ list: CISavedList) async throws -> CISavedList {
        let row = try await db.raw("""
            INSERT INTO cmdb_saved_lists (name, name_key, query, created_by, created_at)
            VALUES (\(bind: list.name), \(bind: list.name.lowercased()), \(bind: list.query), \(bind: list.createdBy), \(bind: list.createdAt.millis))
            RETURNING id
            """).first()
        var stored = list
        stored.id = try row?.int64("id") ?? 0
        return stored
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM cmdb_saved_lists WHERE id = \(bind: id)").run()
    }

    static func decode(_ row: any SQLRow) throws -> CISavedList {
        CISavedList(id: try row.int64("id"), name: try row.string("name"), query: try row.string("query"),
                    createdBy: try row.int64OrNil("created_by"), createdAt: try row.date("created_at"))
    }
}
