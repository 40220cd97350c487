import Domain
import Foundation
import SQLKit

/// Typed links from tickets to tickets or config items.
public struct LinkRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts the link unless the same one exists; returns the stored link either way.
    public func insert(_ link: Link) async throws -> Link {
        try await db.raw("""
            INSERT INTO links (type, source_ticket_id, target_object, target_id, created_at, created_by)
            VALUES (\(bind: link.type.rawValue), \(bind: link.sourceTicketID), \(bind: link.targetObject.rawValue),
                \(bind: link.targetID), \(bind: link.createdAt.millis), \(bind: link.createdBy))
            ON CONFLICT (type, source_ticket_id, target_object, target_id) DO NOTHING
            """).run()
        let row = try await db.raw("""
            SELECT * FROM links WHERE type = \(bind: link.type.rawValue) AND source_ticket_id = \(bind: link.sourceTicketID)
            AND target_object = \(bind: link.targetObject.rawValue) AND target_id = \(bind: link.targetID)
            """).first()
        guard let row else { throw StoreError.corrupt("link vanished") }
        return try Self.decode(row)
    }

    /// Links touching a ticket from either side, limited to tickets within `scope` on the other side.
    public func links(ofTicket ticketID: Int64, in scope: TicketScope) async throws -> [Link] {
        try await db.raw("""
            SELECT l.* FROM links l
            LEFT JOIN tickets t ON l.target_object = 'ticket' AND t.id = CASE WHEN l.source_ticket_id = \(bind: ticketID) THEN l.target_id ELSE l.source_ticket_id END
            WHERE (l.source_ticket_id = \(bind: ticketID) OR (l.target_object = 'ticket' AND l.target_id = \(bind: ticketID)))
            AND (l.target_object <> 'ticket' OR \(scope.condition()))
            ORDER BY l.id
            """).all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> Link? {
        try await db.raw("SELECT * FROM links WHERE id = \(bind: id)").first().map(Self.decode)
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM links WHERE id = \(bind: id)").run()
    }

    /// Re-points every link of `fromTicket` to `toTicket` (used by merge), dropping ones that would duplicate.
    public func move(fromTicket: Int64, toTicket: Int64) async throws {
        try await db.raw("""
            UPDATE links SET source_ticket_id = \(bind: toTicket) WHERE source_ticket_id = \(bind: fromTicket)
            AND NOT (target_object = 'ticket' AND target_id = \(bind: toTicket))
            AND NOT EXISTS (SELECT 1 FROM links o WHERE o.type = links.type AND o.source_ticket_id = \(bind: toTicket)
                AND o.target_object = links.target_object AND o.target_id = links.target_id)
            """).run()
    }

    static func decode(_ row: any SQLRow) throws -> Link {
        Link(
            id: try row.int64("id"), type: try row.enumeration("type"), sourceTicketID: try row.int64("source_ticket_id"),
            targetObject: try row.enumeration("target_object"), targetID: try row.int64("target_id"),
            createdAt: try row.date("created_at"), createdBy: try row.int64OrNil("created_by")
        )
    }
}
