import SQLKit

/// The per-ticket full-text document, written in the same transaction as the change it reflects.
///
/// The head (number, title, field texts) ranks above the body (article subjects, addresses, texts,
/// attachment names). Bodies only grow, so a new article appends to the document.
public struct SearchIndex: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// Writes the whole document of a ticket, replacing any previous one.
    public func index(ticketID: Int64, head: String, body: String) async throws {
        switch dialect {
        case .sqlite:
            try await db.raw("DELETE FROM ticket_fts WHERE rowid = \(bind: ticketID)").run()
            try await db.raw("INSERT INTO ticket_fts (rowid, head, body) VALUES (\(bind: ticketID), \(bind: head), \(bind: body))").run()
        case .postgres:
            try await db.raw("""
                INSERT INTO ticket_search (ticket_id, document) VALUES (\(bind: ticketID),
                    setweight(to_tsvector('german', \(bind: head)), 'A') || setweight(to_tsvector('english', \(bind: head)), 'A')
                    || to_tsvector('german', \(bind: body)) || to_tsvector('english', \(bind: body)))
                ON CONFLICT (ticket_id) DO UPDATE SET document = excluded.document
                """).run()
        }
    }

    /// Appends text (a new article) to a ticket's body.
    public func append(ticketID: Int64, body: String) async throws {
        switch dialect {
        case .sqlite:
            try await db.raw("UPDATE ticket_fts SET body = body || ' ' || \(bind: body) WHERE rowid = \(bind: ticketID)").run()
        case .postgres:
            try await db.raw("""
                UPDATE ticket_search SET document = document || to_tsvector('german', \(bind: body)) || to_tsvector('english', \(bind: body))
                WHERE ticket_id = \(bind: ticketID)
                """).run()
        }
    }

    /// Drops a ticket's document.
    public func remove(ticketID: Int64) async throws {
        switch dialect {
        case .sqlite: try await db.raw("DELETE FROM ticket_fts WHERE rowid = \(bind: ticketID)").run()
        case .postgres: try await db.raw("DELETE FROM ticket_search WHERE ticket_id = \(bind: ticketID)").run()
        }
    }
}
