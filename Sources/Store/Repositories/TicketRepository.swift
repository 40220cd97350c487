import Domain
import Foundation
import SQLKit

/// Tickets: insert, read within a scope, versioned update, filtered and sorted lists.
public struct TicketRepository: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// Inserts `ticket` with its SLA clocks (`ticket.sla` must summarise them).
    public func insert(_ ticket: Ticket, slaClocks: TicketSLAClocks?) async throws -> Ticket {
        let sla = SLAColumns.values(ticket.sla)
        let row = try await db.raw("""
            INSERT INTO tickets (number, title, queue_id, state_id, priority_id, type_id, service_id, owner_id, responsible_id,
                contact_id, organisation_id, pending_until, merged_into_id, created_at, changed_at, created_by, version,
                sla_clocks, \(idents: sla.map(\.0), joinedBy: ", "))
            VALUES (\(bind: ticket.number), \(bind: ticket.title), \(bind: ticket.queueID), \(bind: ticket.stateID),
                \(bind: ticket.priorityID), \(bind: ticket.typeID), \(bind: ticket.serviceID), \(bind: ticket.ownerID),
                \(bind: ticket.responsibleID), \(bind: ticket.contactID), \(bind: ticket.organisationID),
                \(bind: ticket.pendingUntil?.millis), \(bind: ticket.mergedIntoID), \(bind: ticket.createdAt.millis),
                \(bind: ticket.changedAt.millis), \(bind: ticket.createdBy), 1,
                \(bind: slaClocks.map(SLAColumns.encode)), \(binds: sla.map(\.1)))
            RETURNING id
            """).first()
        var stored = ticket
        stored.id = try row?.int64("id") ?? 0
        stored.version = 1
        return stored
    }

    /// The stored SLA clocks of a ticket; nil for a ticket that has none (created before SLAs existed).
    public func slaClocks(of id: Int64) async throws -> TicketSLAClocks? {
        try await db.raw("SELECT sla_clocks FROM tickets WHERE id = \(bind: id)").first()?
            .stringOrNil("sla_clocks").map(SLAColumns.decode)
    }

    /// The tickets with `ids` that have SLA clocks, each with its clocks, in one query (a page of requests reads
    /// them all at once instead of one query per row).
    public func slaClocks(of ids: [Int64]) async throws -> [Int64: (ticket: Ticket, clocks: TicketSLAClocks)] {
        guard !ids.isEmpty else { return [:] }
        var found: [Int64: (ticket: Ticket, clocks: TicketSLAClocks)] = [:]
        for row in try await db.raw("SELECT t.* FROM tickets t WHERE t.id IN (\(binds: ids)) AND t.sla_clocks IS NOT NULL").all() {
            guard let clocks = try row.stringOrNil("sla_clocks").map(SLAColumns.decode) else { continue }
            let ticket = try Self.decode(row)
            found[ticket.id] = (ticket, clocks)
        }
        return found
    }

    /// Replaces a ticket's SLA clocks and their summary. The version stays: clocks move with events and
    /// escalations, not with an edit someone could collide with.
    public func storeSLA(_ clocks: TicketSLAClocks, of id: Int64) async throws {
        try await db.raw("UPDATE tickets SET \(Self.slaAssignments(clocks)) WHERE id = \(bind: id)").run()
    }

    /// `sla_clocks` and the summary columns derived from `clocks`.
    private static func slaAssignments(_ clocks: TicketSLAClocks) -> SQLQueryString {
        let columns = SLAColumns.values(TicketSLASummary(clocks)).map { column, value in SQLQueryString("\(ident: column) = \(bind: value)") }
        return "sla_clocks = \(bind: SLAColumns.encode(clocks)), \(columns.joined(separator: ", "))"
    }

    /// Ids of tickets whose next SLA deadline has come by `instant`, earliest first.
    public func dueForEscalation(by instant: Date, limit: Int) async throws -> [Int64] {
        try await db.raw("""
            SELECT id FROM tickets WHERE sla_next_deadline IS NOT NULL AND sla_next_deadline <= \(bind: instant.millis)
            ORDER BY sla_next_deadline LIMIT \(literal: limit)
            """).all().map { try $0.int64("id") }
    }

    /// The SLA clocks of a ticket whose deadline has come, locked for this transaction; nil when another node
    /// holds the ticket (PostgreSQL `SKIP LOCKED`) or its deadline has moved since it was selected.
    public func claimForEscalation(_ id: Int64, by instant: Date) async throws -> TicketSLAClocks? {
        let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.raw("""
            SELECT sla_clocks FROM tickets
            WHERE id = \(bind: id) AND sla_next_deadline IS NOT NULL AND sla_next_deadline <= \(bind: instant.millis)\(lock)
            """).first()?.stringOrNil("sla_clocks").map(SLAColumns.decode)
    }

    /// The ticket with `id` if it lies within `scope`.
    public func find(_ id: Int64, in scope: TicketScope) async throws -> Ticket? {
        try await db.raw("SELECT t.* FROM tickets t WHERE t.id = \(bind: id) AND \(scope.condition())").first().map(Self.decode)
    }

    /// The ticket with `id` if it lies within `scope`, with its stored field values by field id, in one query.
    public func findWithFieldValues(_ id: Int64, in scope: TicketScope) async throws -> (ticket: Ticket, fieldValues: [Int64: String])? {
        let rows = try await db.raw("""
            SELECT t.*, fv.field_id AS value_field_id, fv.value AS field_value FROM tickets t
            LEFT JOIN field_values fv ON fv.object = \(bind: FieldObject.ticket.rawValue) AND fv.object_id = t.id
            WHERE t.id = \(bind: id) AND \(scope.condition())
            """).all()
        guard let first = rows.first else { return nil }
        var values: [Int64: String] = [:]
        for row in rows {
            if let field = try row.int64OrNil("value_field_id") { values[field] = try row.string("field_value") }
        }
        return (try Self.decode(first), values)
    }

    /// The ticket with `id`, locked against concurrent writers until the transaction ends (PostgreSQL;
    /// SQLite transactions are already exclusive).
    public func findForUpdate(_ id: Int64, in scope: TicketScope) async throws -> Ticket? {
        let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE" : ""
        return try await db.raw("SELECT t.* FROM tickets t WHERE t.id = \(bind: id) AND \(scope.condition())\(lock)").first().map(Self.decode)
    }

    public func find(number: String) async throws -> Ticket? {
        try await db.raw("SELECT t.* FROM tickets t WHERE t.number = \(bind: number)").first().map(Self.decode)
    }

    /// Which of `ids` and `numbers` name tickets within `scope`; one query per non-empty set.
    public func visible(ids: Set<Int64>, numbers: Set<String>, in scope: TicketScope) async throws -> (ids: Set<Int64>, numbers: Set<String>) {
        var visibleIDs: Set<Int64> = []
        var visibleNumbers: Set<String> = []
        if !ids.isEmpty {
            let rows = try await db.raw("SELECT t.id FROM tickets t WHERE t.id IN (\(binds: Array(ids))) AND \(scope.condition())").all()
            visibleIDs = Set(try rows.map { try $0.int64("id") })
        }
        if !numbers.isEmpty {
            let rows = try await db.raw("SELECT t.number FROM tickets t WHERE t.number IN (\(binds: Array(numbers))) AND \(scope.condition())").all()
            visibleNumbers = Set(try rows.map { try $0.string("number") })
        }
        return (visibleIDs, visibleNumbers)
    }

    /// Writes every attribute of `ticket` if its stored version is still `ticket.version`; bumps the version.
    /// Returns the new version, or nil when someone else changed the ticket first.
    public func update(_ ticket: Ticket) async throws -> Int64? {
        let rows = try await db.raw("""
            UPDATE tickets SET title = \(bind: ticket.title), queue_id = \(bind: ticket.queueID), state_id = \(bind: ticket.stateID),
                priority_id = \(bind: ticket.priorityID), type_id = \(bind: ticket.typeID), service_id = \(bind: ticket.serviceID),
                owner_id = \(bind: ticket.ownerID), responsible_id = \(bind: ticket.responsibleID), contact_id = \(bind: ticket.contactID),
                organisation_id = \(bind: ticket.organisationID), pending_until = \(bind: ticket.pendingUntil?.millis),
                merged_into_id = \(bind: ticket.mergedIntoID), changed_at = \(bind: ticket.changedAt.millis), version = version + 1
            WHERE id = \(bind: ticket.id) AND version = \(bind: ticket.version)
            RETURNING version
            """).all()
        return try rows.first?.int64("version")
    }

    /// Marks the ticket changed (a new article, say) and bumps its version.
    /// With `slaClocks`, stores them and their summary in the same statement (an article that moved them).
    public func touch(_ id: Int64, at date: Date, slaClocks: TicketSLAClocks? = nil) async throws {
        let sla: SQLQueryString = slaClocks.map { ", \(Self.slaAssignments($0))" } ?? ""
        try await db.raw("UPDATE tickets SET changed_at = \(bind: date.millis), version = version + 1\(sla) WHERE id = \(bind: id)").run()
    }

    /// One page of tickets matching `query` within `scope`, plus the cursor of the following page.
    public func list(_ query: TicketListQuery, in scope: TicketScope) async throws -> (tickets: [Ticket], next: TicketCursor?) {
        guard query.sort == .relevance, query.fullText != nil else {
            return try await page(query, in: scope, relevanceWindow: nil)
        }
        let window = dialect == .sqlite ? query.relevanceWindow : min(query.relevanceWindow, TicketListQuery.postgresRelevanceWindow)
        let found = try await RelevanceWindow.page(limit: query.limit, cursor: query.cursor, window: window) { window in
            let (tickets, next) = try await page(query, in: scope, relevanceWindow: window)
            return (tickets, next)
        }
        return (found.items, found.next)
    }

    private func page(_ query: TicketListQuery, in scope: TicketScope, relevanceWindow window: Int?) async throws -> (tickets: [Ticket], next: TicketCursor?) {
        var joins: [SQLQueryString] = []
        var conditions: [SQLQueryString] = [scope.condition()]
        var score: SQLQueryString?
        // The SQLite table or PostgreSQL column of the search document to match.
        let fts = SQLIdentifier(query.searchesCustomerDocument ? "ticket_customer_fts" : "ticket_fts")
        let document = SQLIdentifier(query.searchesCustomerDocument ? "customer_document" : "document")
        if let fullText = query.fullText {
            switch dialect {
            case .sqlite:
                let newest: SQLQueryString = window.map { " ORDER BY rowid DESC LIMIT \(literal: $0)" } ?? ""
                joins.append("""
                    JOIN (SELECT rowid AS ticket_id, bm25(\(fts), 4.0, 1.0) AS score FROM \(fts)
                          WHERE \(fts) MATCH \(bind: fullText)\(newest)) s ON s.ticket_id = t.id
                    """)
                score = "s.score"
            case .postgres:
                let tsQuery: SQLQueryString = "to_tsquery('german', \(bind: fullText)) || to_tsquery('english', \(bind: fullText))"
                if let window {
                    // The newest matches, ranked by the function of migrations 18 and 30: newest id blocks first, plan pinned.
                    joins.append("""
                        JOIN ticket_search_newest(\(tsQuery), \(literal: window), \(bind: query.searchesCustomerDocument)) s ON s.ticket_id = t.id
                        """)
                } else {
                    joins.append("""
                        JOIN (SELECT ticket_id, ts_rank(\(document), q) AS score FROM ticket_search, (SELECT \(tsQuery) AS q) query
                              WHERE \(document) @@ q) s ON s.ticket_id = t.id
                        """)
                }
                score = "-s.score"
            }
        }
        if let excluded = query.excludedFullText {
            switch dialect {
            case .sqlite:
                conditions.append("t.id NOT IN (SELECT rowid FROM \(fts) WHERE \(fts) MATCH \(bind: excluded))")
            case .postgres:
                conditions.append("""
                    t.id NOT IN (SELECT ticket_id FROM ticket_search WHERE \(document) @@ (to_tsquery('german', \(bind: excluded)) || to_tsquery('english', \(bind: excluded))))
                    """)
            }
        }
        func add(_ filter: TicketListQuery.IDFilter?, column: String) {
            guard let filter else { return }
            if filter.ids.isEmpty {
                conditions.append(filter.isNegated ? "1 = 1" : "1 = 0")
            } else {
                conditions.append("\(unsafeRaw: column) \(unsafeRaw: filter.isNegated ? "NOT IN" : "IN") (\(binds: filter.ids))")
            }
        }
        add(query.queues, column: "t.queue_id")
        add(query.states, column: "t.state_id")
        add(query.priorities, column: "t.priority_id")
        add(query.types, column: "t.type_id")
        add(query.services, column: "t.service_id")
        add(query.owners, column: "t.owner_id")
        add(query.responsibles, column: "t.responsible_id")
        add(query.contacts, column: "t.contact_id")
        add(query.organisations, column: "t.organisation_id")
        if let number = query.number { conditions.append("t.number = \(bind: number)") }
        if let item = query.configItemID {
            conditions.append("t.id IN (SELECT source_ticket_id FROM links WHERE target_object = 'configItem' AND target_id = \(bind: item))")
        }
        if let from = query.createdFrom { conditions.append("t.created_at >= \(bind: from.millis)") }
        if let until = query.createdUntil { conditions.append("t.created_at < \(bind: until.millis)") }
        conditions += query.fields.map { $0.condition(object: .ticket, idColumn: "t.id") }
        if !query.slaStatuses.isEmpty {
            let any = SQLQueryString("(\(query.slaStatuses.map { SLAColumns.condition($0, at: query.slaStatusTime) }.joined(separator: " OR ")))")
            conditions.append(query.excludesSLAStatuses ? "NOT \(any)" : any)
        }

        let key: SQLQueryString
        let isTextKey = query.sort.hasTextKey
        switch query.sort {
        case .id: key = "t.id"
        case .number: key = "t.number"
        case .title: key = "t.title"
        case .created: key = "t.created_at"
        case .changed: key = "t.changed_at"
        case .pendingUntil: key = "COALESCE(t.pending_until, 9000000000000000)"
        case .escalation: key = "t.escalation_at"
        case .priority:
            joins.append("JOIN priorities p ON p.id = t.priority_id")
            key = "p.rank"
        case .relevance: key = score ?? "t.id"
        }
        let paging = KeysetPaging(
            key: key, idColumn: "t.id", descending: query.descending, isRelevance: query.sort == .relevance, isTextKey: isTextKey, limit: query.limit
        )
        let (start, offset) = paging.start(after: query.cursor)
        if let start { conditions.append(start) }
        let sql: SQLQueryString = """
            SELECT t.*, \(key) AS sort_key FROM tickets t \(joins.joined(separator: " "))
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(paging.order)
            LIMIT \(literal: query.limit + 1) OFFSET \(literal: offset)
            """
        let rows = try await db.raw(sql).all()
        let tickets = try rows.prefix(query.limit).map(Self.decode)
        return (tickets, try paging.next(after: rows, lastID: tickets.last?.id, offset: offset))
    }

    /// Ticket counts per queue and state within `scope`, for the queues `queueIDs` and states `stateIDs` only.
    /// Naming both lets the `(queue_id, state_id)` index seek to each pair and count just those tickets, however
    /// many closed ones there are (with the queues left open, SQLite scans the whole index: 40 ms at 1M tickets).
    public func counts(
        inQueues queueIDs: [Int64], states stateIDs: [Int64], in scope: TicketScope
    ) async throws -> [(queueID: Int64, stateID: Int64, count: Int)] {
        guard !stateIDs.isEmpty, !queueIDs.isEmpty else { return [] }
        return try await db.raw("""
            SELECT t.queue_id, t.state_id, COUNT(*) AS n FROM tickets t
            WHERE \(scope.condition()) AND t.queue_id IN (\(binds: queueIDs)) AND t.state_id IN (\(binds: stateIDs))
            GROUP BY t.queue_id, t.state_id
            """).all().map { (try $0.int64("queue_id"), try $0.int64("state_id"), Int(try $0.int64("n"))) }
    }

    static func decode(_ row: any SQLRow) throws -> Ticket {
        Ticket(
            id: try row.int64("id"), number: try row.string("number"), title: try row.string("title"),
            queueID: try row.int64("queue_id"), stateID: try row.int64("state_id"), priorityID: try row.int64("priority_id"),
            typeID: try row.int64OrNil("type_id"), serviceID: try row.int64OrNil("service_id"), ownerID: try row.int64OrNil("owner_id"),
            responsibleID: try row.int64OrNil("responsible_id"), contactID: try row.int64OrNil("contact_id"),
            organisationID: try row.int64OrNil("organisation_id"), pendingUntil: try row.dateOrNil("pending_until"),
            mergedIntoID: try row.int64OrNil("merged_into_id"), createdAt: try row.date("created_at"),
            changedAt: try row.date("changed_at"), createdBy: try row.int64OrNil("created_by"), version: try row.int64("version"),
            sla: try SLAColumns.summary(row)
        )
    }
}
