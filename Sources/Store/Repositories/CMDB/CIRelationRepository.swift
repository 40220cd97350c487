import Domain
import Foundation
import SQLKit

/// Typed relations between items, and the graph walks over them.
public struct CIRelationRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts the relation unless the same one exists; returns the stored relation either way.
    public func insert(_ relation: CIRelation) async throws -> CIRelation {
        try await db.raw("""
            INSERT INTO cmdb_relations (type, source_id, target_id, created_at, created_by)
            VALUES (\(bind: relation.type.rawValue), \(bind: relation.sourceID), \(bind: relation.targetID),
                \(bind: relation.createdAt.millis), \(bind: relation.createdBy))
            ON CONFLICT (source_id, type, target_id) DO NOTHING
            """).run()
        let row = try await db.raw("""
            SELECT * FROM cmdb_relations WHERE source_id = \(bind: relation.sourceID) AND type = \(bind: relation.type.rawValue)
            AND target_id = \(bind: relation.targetID)
            """).first()
        guard let row else { throw StoreError.corrupt("relation vanished") }
        return try Self.decode(row)
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM cmdb_relations WHERE id = \(bind: id)").run()
    }

    /// The relations touching any of `itemIDs` from either side.
    public func relations(of itemIDs: [Int64]) async throws -> [CIRelation] {
        guard !itemIDs.isEmpty else { return [] }
        return try await db.raw("""
            SELECT * FROM cmdb_relations WHERE source_id IN (\(binds: itemIDs)) OR target_id IN (\(binds: itemIDs)) ORDER BY id
            """).all().map(Self.decode)
    }

    /// A relation of an item with the number and name of the item at its other end.
    public struct Neighbour: Sendable {
        public var relation: CIRelation
        public var otherNumber: String
        public var otherName: String

        /// The id of the item at the other end from `itemID`.
        public func otherID(from itemID: Int64) -> Int64 {
            relation.sourceID == itemID ? relation.targetID : relation.sourceID
        }
    }

    /// An item's owners (what decides who may see it) and its relations.
    public struct Neighbourhood: Sendable {
        public var ownerContactID: Int64?
        public var ownerOrganisationID: Int64?
        /// The item's relations from either side, by id, each with the item at the other end.
        public var neighbours: [Neighbour]
    }

    /// The owners and relations of item `itemID` (nil when there is no such item) in one query that reads only the
    /// columns a relation list shows: the item, left-joined to its relations and their other ends.
    public func neighbourhood(of itemID: Int64) async throws -> Neighbourhood? {
        let rows = try await db.preparing.raw("""
            SELECT i.owner_contact_id, i.owner_organisation_id, r.id, r.type, r.source_id, r.target_id, r.created_at, r.created_by,
                o.number AS other_number, o.name AS other_name
            FROM cmdb_items i
            LEFT JOIN cmdb_relations r ON r.source_id = \(bind: itemID) OR r.target_id = \(bind: itemID)
            LEFT JOIN cmdb_items o ON o.id = CASE WHEN r.source_id = \(bind: itemID) THEN r.target_id ELSE r.source_id END
            WHERE i.id = \(bind: itemID) ORDER BY r.id
            """).all()
        guard let first = rows.first else { return nil }
        let neighbours = try rows.filter { try $0.int64OrNil("id") != nil }.map { row in
            Neighbour(relation: try Self.decode(row), otherNumber: try row.string("other_number"), otherName: try row.string("other_name"))
        }
        return Neighbourhood(ownerContactID: try first.int64OrNil("owner_contact_id"),
                             ownerOrganisationID: try first.int64OrNil("owner_organisation_id"), neighbours: neighbours)
    }

    /// Whether `to` can be reached from `from` along relations of `type` (source → target).
    public func reaches(from: Int64, to: Int64, type: CIRelationType) async throws -> Bool {
        let row = try await db.raw("""
            WITH RECURSIVE reach(id) AS (
                SELECT \(bind: from)
                UNION SELECT r.target_id FROM cmdb_relations r JOIN reach ON r.source_id = reach.id WHERE r.type = \(bind: type.rawValue)
            )
            SELECT 1 AS found FROM reach WHERE id = \(bind: to) LIMIT 1
            """).first()
        return row != nil
    }

    /// Every item whose failure `itemID`'s failure spreads to: the sources of impact-carrying relations, transitively.
    public func dependents(of itemID: Int64) async throws -> [Int64] {
        let types = CIRelationType.allCases.filter(\.propagatesImpact).map(\.rawValue)
        return try await db.raw("""
            WITH RECURSIVE impacted(id) AS (
                SELECT \(bind: itemID)
                UNION SELECT r.source_id FROM cmdb_relations r JOIN impacted ON r.target_id = impacted.id WHERE r.type IN (\(binds: types))
            )
            SELECT id FROM impacted WHERE id <> \(bind: itemID)
            """).all().map { try $0.int64("id") }
    }

    static func decode(_ row: any SQLRow) throws -> CIRelation {
        CIRelation(
            id: try row.int64("id"), type: try row.enumeration("type"), sourceID: try row.int64("source_id"),
            targetID: try row.int64("target_id"), createdAt: try row.date("created_at"), createdBy: try row.int64OrNil("created_by")
        )
    }
}
