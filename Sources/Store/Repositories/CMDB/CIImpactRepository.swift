import Domain
import SQLKit

/// Derives items' incident states from the open incident tickets that affect them: an affected item is in
/// `incident`, an item that depends on (runs on, is installed on) one transitively is in `warning`, others are
/// `operational`.
public struct CIImpactRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Recomputes the incident state of the items `ticketID` affects and of everything depending on them.
    /// `settings` say which tickets count as incidents, `openStateIDs` are the states of open tickets.
    public func refresh(ticketID: Int64, settings: CIImpactSettings, openStateIDs: [Int64], itemIDs extra: [Int64] = []) async throws {
        let affected = try await db.raw("""
            SELECT target_id FROM links WHERE source_ticket_id = \(bind: ticketID) AND target_object = 'configItem' AND type = 'affects'
            """).all().map { try $0.int64("target_id") } + extra
        let relations = CIRelationRepository(db)
        var candidates = Set(affected)
        for id in affected { candidates.formUnion(try await relations.dependents(of: id)) }
        guard !candidates.isEmpty else { return }
        let priorities: SQLQueryString = settings.priorityIDs.isEmpty ? "" : " AND t.priority_id IN (\(binds: settings.priorityIDs))"
        let hit: SQLQueryString = settings.ticketTypeIDs.isEmpty || openStateIDs.isEmpty ? "1 = 0" : """
            EXISTS (SELECT 1 FROM links l JOIN tickets t ON t.id = l.source_ticket_id WHERE l.target_object = 'configItem'
                AND l.type = 'affects' AND l.target_id = c.id AND t.type_id IN (\(binds: settings.ticketTypeIDs))
                AND t.state_id IN (\(binds: openStateIDs))\(priorities))
            """
        let types = CIRelationType.allCases.filter(\.propagatesImpact).map(\.rawValue)
        for id in candidates.sorted() {
            let row = try await db.raw("""
                WITH RECURSIVE upstream(id) AS (
                    SELECT \(bind: id)
                    UNION SELECT r.target_id FROM cmdb_relations r JOIN upstream ON r.source_id = upstream.id WHERE r.type IN (\(binds: types))
                )
                SELECT (SELECT COUNT(*) FROM cmdb_items c WHERE c.id = \(bind: id) AND \(hit)) AS own,
                       (SELECT COUNT(*) FROM cmdb_items c JOIN upstream u ON u.id = c.id WHERE c.id <> \(bind: id) AND \(hit)) AS upstream
                """).first()
            let state: IncidentState = try row?.int64("own") ?? 0 > 0 ? .incident : try row?.int64("upstream") ?? 0 > 0 ? .warning : .operational
            try await db.raw("UPDATE cmdb_items SET incident_state = \(bind: state.rawValue) WHERE id = \(bind: id)").run()
        }
    }

    /// The tickets that affect any configuration item: after the impact settings change, refreshing them recomputes
    /// every item whose state the settings decide.
    public func ticketsAffectingItems() async throws -> [Int64] {
        try await db.raw("""
            SELECT DISTINCT source_ticket_id FROM links WHERE target_object = 'configItem' AND type = 'affects' ORDER BY source_ticket_id
            """).all().map { try $0.int64("source_ticket_id") }
    }
}
