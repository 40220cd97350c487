import Domain
import Foundation
import SQLKit

/// Multi-row `INSERT`s of new configuration items for imports, inside the caller's transaction: the items, their
/// first version rows, a `created` history entry each and their search documents — the rows
/// `ConfigItemRepository.insert`, `CIHistoryRepository` and `CMDBSearchIndex` write one by one.
public struct ConfigItemBulkWriter: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    /// Rows per statement: 14 parameters a row stays far below both engines' limits.
    static let rowsPerStatement = 500

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// Inserts `items` (numbers assigned, ids ignored) with `searchTexts` (one per item); returns them with their ids.
    public func insert(_ items: [ConfigItem], searchTexts: [String], by actorID: Int64?) async throws -> [ConfigItem] {
        var stored: [ConfigItem] = []
        stored.reserveCapacity(items.count)
        let attributes: (CIAttributes) -> SQLQueryString = { [dialect] values in
            dialect == .postgres ? "CAST(\(bind: values.json) AS jsonb)" : "\(bind: values.json)"
        }
        for chunk in items.chunked(Self.rowsPerStatement) {
            let rows = chunk.map { item -> SQLQueryString in
                """
                (\(bind: item.number), \(bind: item.name), \(bind: item.classID), \(bind: item.classVersion), \(bind: item.deploymentState.rawValue),
                \(bind: item.incidentState.rawValue), \(bind: item.ownerContactID), \(bind: item.ownerOrganisationID), \(bind: item.locationID),
                \(attributes(item.attributes)), 1, \(bind: item.createdAt.millis), \(bind: item.changedAt.millis), \(bind: actorID))
                """
            }
            let returned = try await db.raw("""
                INSERT INTO cmdb_items (number, name, class_id, class_version, deployment_state, incident_state, owner_contact_id,
                    owner_organisation_id, location_id, attributes, version, created_at, changed_at, created_by)
                VALUES \(rows.joined(separator: ", ")) RETURNING id, number
                """).all()
            var ids: [String: Int64] = [:]
            for row in returned { ids[try row.string("number")] = try row.int64("id") }
            for var item in chunk {
                guard let id = ids[item.number] else { throw StoreError.corrupt("item \(item.number) not returned") }
                item.id = id
                item.version = 1
                stored.append(item)
            }
        }
        for (offset, chunk) in stored.chunked(Self.rowsPerStatement).enumerated() {
            let versions = chunk.map { item -> SQLQueryString in
                """
                (\(bind: item.id), 1, \(bind: item.classVersion), \(bind: item.name), \(bind: item.deploymentState.rawValue),
                \(bind: item.incidentState.rawValue), \(bind: item.attributes.json), \(bind: item.changedAt.millis), \(bind: actorID))
                """
            }
            try await db.raw("""
                INSERT INTO cmdb_item_versions (item_id, version, class_version, name, deployment_state, incident_state, attributes, created_at, created_by)
                VALUES \(versions.joined(separator: ", "))
                """).run()
            let history = chunk.map { item -> SQLQueryString in
                "(\(bind: item.id), \(bind: actorID), 'created', NULL, \(bind: item.number), \(bind: item.createdAt.millis))"
            }
            try await db.raw("""
                INSERT INTO cmdb_history (item_id, actor_id, field, old_value, new_value, created_at) VALUES \(history.joined(separator: ", "))
                """).run()
            let texts = searchTexts[(offset * Self.rowsPerStatement)...].prefix(chunk.count)
            let documents = zip(chunk, texts).map { item, text -> SQLQueryString in
                dialect == .sqlite ? "(\(bind: item.id), \(bind: text))" : "(\(bind: item.id)::bigint, \(bind: SearchIndex.words(text))::text)"
            }
            switch dialect {
            case .sqlite:
                try await db.raw("INSERT INTO cmdb_fts (rowid, head) VALUES \(documents.joined(separator: ", "))").run()
            case .postgres:
                try await db.raw("""
                    INSERT INTO cmdb_search (item_id, document)
                    SELECT v.id, to_tsvector('german', v.text) || to_tsvector('english', v.text) FROM (VALUES \(documents.joined(separator: ", "))) AS v (id, text)
                    """).run()
            }
        }
        return stored
    }

    /// After a large import on PostgreSQL: `ANALYZE cmdb_items`, as autovacuum does shortly after such a load, so that
    /// the planner knows the new attribute values (the per-class expression indexes have statistics of their own).
    /// SQLite's attribute lists name their index and need no statistics.
    public func refreshStatistics() async throws {
        guard dialect == .postgres else { return }
        try await db.raw("ANALYZE cmdb_items").run()
    }
}
