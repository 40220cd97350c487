import Domain
import Foundation
import SQLKit

/// The append-only event log (the outbox consumers read after a cursor).
public struct EventRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Appends an event with an id in commit order, so a reader that has seen id N never later finds a
    /// committed event below N. On PostgreSQL, where a plain sequence would allow that, the event is inserted under a
    /// provisional id and numbered from the `events` counter as its transaction commits (`EventOrderSchema`); SQLite's
    /// single writer already commits in id order.
    public func append(type: String, ticketID: Int64?, actorID: Int64?, payload: String, at date: Date) async throws {
        try await db.raw("""
            INSERT INTO events (id, type, ticket_id, actor_id, payload, created_at)
            VALUES (\(provisionalID), \(bind: type), \(bind: ticketID), \(bind: actorID), \(bind: payload), \(bind: date.millis))
            """).run()
    }

    /// The id an event is inserted under: on PostgreSQL a provisional one, replaced as the transaction commits.
    private var provisionalID: SQLQueryString {
        db.dialect.name == "sqlite" ? "NULL" : "-nextval('event_drafts')"
    }

    /// An event not yet appended.
    public struct NewEvent: Sendable {
        public var type: String
        public var ticketID: Int64?
        public var actorID: Int64?
        public var payload: String

        public init(type: String, ticketID: Int64?, actorID: Int64?, payload: String) {
            self.type = type
            self.ticketID = ticketID
            self.actorID = actorID
            self.payload = payload
        }
    }

    /// Appends `events` in order with one statement, ids in commit order as for `append(type:…)`. On PostgreSQL
    /// the statement also advances the `events` counter, so its row stays locked only from this statement to the
    /// commit (one round trip, where an increment per event followed by an insert took two per event).
    public func append(_ events: [NewEvent], at date: Date) async throws {
        try await append(events, history: [], at: date)
    }

    /// Appends `history` and then `events`, each in order, and sends the write `held` back (see `HeldWrite`). On
    /// PostgreSQL a few of each go in one statement, the history's `INSERT` and the held write in its `WITH` clause,
    /// which saves a use case a round trip each.
    public func append(_ events: [NewEvent], history: [HistoryRepository.NewEntry], with held: HeldWrite = HeldWrite(), at date: Date) async throws {
        var held = held
        let isPostgres = db.dialect.name != "sqlite"
        let together = isPostgres && !events.isEmpty && events.count <= BulkWriter.rowsPerStatement
            && history.count <= BulkWriter.rowsPerStatement
        if !together {
            try await held.send(on: db)
            try await HistoryRepository(db).append(history, at: date)
        }
        guard !events.isEmpty else { return }
        for chunk in events.chunked(BulkWriter.rowsPerStatement) {
            if !isPostgres {
                let rows = chunk.map { event -> SQLQueryString in
                    "(\(bind: event.type), \(bind: event.ticketID), \(bind: event.actorID), \(bind: event.payload), \(bind: date.millis))"
                }
                try await db.raw("INSERT INTO events (type, ticket_id, actor_id, payload, created_at) VALUES \(rows.joined(separator: ", "))").run()
            } else {
                let rows = chunk.enumerated().map { index, event -> SQLQueryString in
                    """
                    (\(literal: index), CAST(\(bind: event.type) AS TEXT), CAST(\(bind: event.ticketID) AS BIGINT),
                     CAST(\(bind: event.actorID) AS BIGINT), CAST(\(bind: event.payload) AS TEXT))
                    """
                }
                var clauses: [SQLQueryString] = []
                if together, let statement = held.statement { clauses.append("held_write AS (\(statement))") }
                if together, !history.isEmpty { clauses.append("written_history AS (\(HistoryRepository.insert(history, at: date)))") }
                let written: SQLQueryString = clauses.isEmpty ? "" : "WITH \(clauses.joined(separator: ", ")) "
                // Inserted in order, so that the commit numbers them in order (`EventOrderSchema`).
                try await db.preparing(rows: chunk.count + (together ? history.count : 0)).raw("""
                    \(written)INSERT INTO events (id, type, ticket_id, actor_id, payload, created_at)
                    SELECT \(provisionalID), e.type, e.ticket_id, e.actor_id, e.payload, \(bind: date.millis)
                    FROM (VALUES \(rows.joined(separator: ", "))) AS e (position, type, ticket_id, actor_id, payload)
                    ORDER BY e.position
                    """).run()
            }
        }
    }

    /// Appends several events of one type without a ticket (an import's), in order, with multi-row `INSERT`s. On
    /// PostgreSQL their ids are reserved from the `events` counter at once, whose row then stays locked until the
    /// commit (as events numbered at commit wait for it, the order still follows the commits): numbering thousands of
    /// events one by one at commit would cost an import seconds.
    public func append(type: String, actorID: Int64?, payloads: [String], at date: Date) async throws {
        guard !payloads.isEmpty else { return }
        let first: Int64? = db.dialect.name == "sqlite" ? nil : try await Counters(db).reserve("events", count: payloads.count)
        for (offset, chunk) in payloads.chunked(BulkWriter.rowsPerStatement).enumerated() {
            let rows = chunk.enumerated().map { index, payload -> SQLQueryString in
                let id = first.map { $0 + Int64(offset * BulkWriter.rowsPerStatement + index) }
                return "(\(bind: id), \(bind: type), NULL, \(bind: actorID), \(bind: payload), \(bind: date.millis))"
            }
            try await db.raw("INSERT INTO events (id, type, ticket_id, actor_id, payload, created_at) VALUES \(rows.joined(separator: ", "))").run()
        }
    }

    /// The newest events of the given types, newest first, with an id below `cursor` when one is given
    /// (served by the `events_type` index).
    public func latest(ofTypes types: [String], before cursor: Int64?, limit: Int) async throws -> [DomainEvent] {
        guard !types.isEmpty else { return [] }
        return try await db.raw("""
            SELECT e.* FROM events e WHERE e.type IN (\(binds: types)) AND e.id < \(bind: cursor ?? Int64.max)
            ORDER BY e.id DESC LIMIT \(literal: limit)
            """).all().map(Self.decode)
    }

    /// Events with an id above `cursor`, oldest first, whose ticket (if any) lies in `scope`.
    public func events(after cursor: Int64, limit: Int, in scope: TicketScope) async throws -> [DomainEvent] {
        let visible: SQLQueryString = scope == .everything ? "1 = 1" : """
            e.ticket_id IS NOT NULL AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id AND \(scope.condition()))
            """
        return try await db.raw("""
            SELECT e.* FROM events e WHERE e.id > \(bind: cursor) AND \(visible) ORDER BY e.id LIMIT \(literal: limit)
            """).all().map(Self.decode)
    }

    private static func decode(_ row: any SQLRow) throws -> DomainEvent {
        DomainEvent(
            id: try row.int64("id"), type: try row.string("type"), ticketID: try row.int64OrNil("ticket_id"),
            actorID: try row.int64OrNil("actor_id"), payload: try row.string("payload"), createdAt: try row.date("created_at")
        )
    }
}
