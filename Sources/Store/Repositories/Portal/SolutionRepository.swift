import Domain
import Foundation
import SQLKit

/// Answers published as solutions, with their own full-text index (the solved ticket's title weighted above the
/// answer), so that hints are a ranked index lookup however many tickets there are.
public struct SolutionRepository: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    public func isPublished(_ articleID: Int64) async throws -> Bool {
        try await db.raw("SELECT article_id FROM portal_solutions WHERE article_id = \(bind: articleID)").first() != nil
    }

    /// Publishes an article of `ticketID`, indexed under `title` and `text`.
    public func publish(articleID: Int64, ticketID: Int64, title: String, text: String, by actorID: Int64?, at now: Date) async throws {
        switch dialect {
        case .sqlite:
            try await db.raw("""
                INSERT INTO portal_solutions (article_id, ticket_id, published_by, published_at)
                VALUES (\(bind: articleID), \(bind: ticketID), \(bind: actorID), \(bind: now.millis))
                """).run()
            try await db.raw("INSERT INTO portal_solutions_fts (rowid, title, body) VALUES (\(bind: articleID), \(bind: title), \(bind: text))").run()
        case .postgres:
            try await db.raw("""
                INSERT INTO portal_solutions (article_id, ticket_id, published_by, published_at, document)
                VALUES (\(bind: articleID), \(bind: ticketID), \(bind: actorID), \(bind: now.millis), \(SearchIndex.vector(head: title, body: text)))
                """).run()
        }
    }

    public func unpublish(_ articleID: Int64) async throws {
        if dialect == .sqlite { try await db.raw("DELETE FROM portal_solutions_fts WHERE rowid = \(bind: articleID)").run() }
        try await db.raw("DELETE FROM portal_solutions WHERE article_id = \(bind: articleID)").run()
    }

    /// Published, customer-visible answers of tickets that are closed now, best match first. `query` is the
    /// engine's expression (`SearchQuery.ftsAnyTermExpression()` or `tsQueryAnyTermExpression()`).
    public func hints(matching query: String, limit: Int) async throws -> [SolutionHint] {
        let rows: [any SQLRow]
        switch dialect {
        case .sqlite:
            rows = try await db.raw("""
                SELECT s.article_id, t.title, a.body_text
                FROM (SELECT rowid AS article_id, bm25(portal_solutions_fts, 4.0, 1.0) AS score FROM portal_solutions_fts
                      WHERE portal_solutions_fts MATCH \(bind: query)) s
                JOIN articles a ON a.id = s.article_id JOIN tickets t ON t.id = a.ticket_id JOIN states st ON st.id = t.state_id
                WHERE st.type = 'closed' AND a.customer_visible = TRUE
                ORDER BY s.score, s.article_id LIMIT \(bind: limit)
                """).all()
        case .postgres:
            rows = try await db.raw("""
                SELECT p.article_id, t.title, a.body_text
                FROM portal_solutions p CROSS JOIN (SELECT to_tsquery('german', \(bind: query)) || to_tsquery('english', \(bind: query)) AS q) query
                JOIN articles a ON a.id = p.article_id JOIN tickets t ON t.id = a.ticket_id JOIN states st ON st.id = t.state_id
                WHERE p.document @@ query.q AND st.type = 'closed' AND a.customer_visible = TRUE
                ORDER BY ts_rank(p.document, query.q) DESC, p.article_id LIMIT \(bind: limit)
                """).all()
        }
        return try rows.map { row in
            SolutionHint(articleID: try row.int64("article_id"), title: try row.string("title"), text: try row.string("body_text"))
        }
    }
}
