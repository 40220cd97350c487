import Domain
import Foundation
import SQLKit

/// Articles of tickets.
public struct ArticleRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ article: Article) async throws -> Article {
        let row = try await db.preparing.raw("""
            INSERT INTO articles (ticket_id, channel, sender, customer_visible, from_address, to_address, cc_address, subject,
                body_text, body_html, message_id, in_reply_to, refs, created_at, created_by)
            VALUES (\(bind: article.ticketID), \(bind: article.channel.rawValue), \(bind: article.sender.rawValue),
                \(bind: article.customerVisible), \(bind: article.from), \(bind: article.to), \(bind: article.cc), \(bind: article.subject),
                \(bind: article.bodyText), \(bind: article.bodyHTML), \(bind: article.messageID), \(bind: article.inReplyTo),
                \(bind: article.references), \(bind: article.createdAt.millis), \(bind: article.createdBy))
            RETURNING id
            """).first()
        var stored = article
        stored.id = try row?.int64("id") ?? 0
        return stored
    }

    /// The articles of a ticket in order; only customer-visible ones unless `includeInternal`.
    public func articles(ofTicket ticketID: Int64, includeInternal: Bool) async throws -> [Article] {
        let visibility: SQLQueryString = includeInternal ? "" : " AND customer_visible = \(bind: true)"
        return try await db.raw("SELECT * FROM articles WHERE ticket_id = \(bind: ticketID)\(visibility) ORDER BY id").all().map(Self.decode)
    }

    /// The articles of a ticket in order with their stored field values (by article id, then field id), or nil when
    /// the ticket does not lie within `scope`; only customer-visible ones unless `includeInternal`. One query answers
    /// all three — the scope check, the articles and their field values — since opening a ticket is the most frequent
    /// request and each round trip to PostgreSQL costs as much as the query.
    public func articlesWithFieldValues(
        ofTicket ticketID: Int64, in scope: TicketScope, includeInternal: Bool
    ) async throws -> (articles: [Article], fieldValues: [Int64: [Int64: String]])? {
        let visibility: SQLQueryString = includeInternal ? "" : " AND a.customer_visible = \(bind: true)"
        let rows = try await db.raw("""
            SELECT a.*, t.id AS scoped_ticket_id, fv.field_id AS value_field_id, fv.value AS field_value
            FROM tickets t LEFT JOIN articles a ON a.ticket_id = t.id\(visibility)
            LEFT JOIN field_values fv ON fv.object = \(bind: FieldObject.article.rawValue) AND fv.object_id = a.id
            WHERE t.id = \(bind: ticketID) AND \(scope.condition()) ORDER BY a.id
            """).all()
        guard !rows.isEmpty else { return nil }
        var articles: [Article] = []
        var values: [Int64: [Int64: String]] = [:]
        for row in rows {
            guard let id = try row.int64OrNil("id") else { continue }
            if articles.last?.id != id { articles.append(try Self.decode(row)) }
            if let field = try row.int64OrNil("value_field_id") { values[id, default: [:]][field] = try row.string("field_value") }
        }
        return (articles, values)
    }

    /// The ticket of the newest article carrying one of these Message-IDs (stored without angle brackets).
    public func ticketID(forMessageIDs ids: [String]) async throws -> Int64? {
        guard !ids.isEmpty else { return nil }
        return try await db.raw("""
            SELECT ticket_id FROM articles WHERE message_id IN (\(binds: ids)) ORDER BY id DESC LIMIT 1
            """).first()?.int64("ticket_id")
    }

    /// The article a mail reply threads to: the customer's last mail with a Message-ID, else the last article with one.
    public func lastWithMessageID(ofTicket ticketID: Int64) async throws -> Article? {
        try await db.raw("""
            SELECT * FROM articles WHERE ticket_id = \(bind: ticketID) AND message_id IS NOT NULL
            ORDER BY CASE WHEN sender = \(bind: ArticleSender.customer.rawValue) THEN 0 ELSE 1 END, id DESC LIMIT 1
            """).first().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> Article? {
        try await db.raw("SELECT * FROM articles WHERE id = \(bind: id)").first().map(Self.decode)
    }

    /// Moves every article (and its attachments) of `fromTicket` to `toTicket`.
    public func move(fromTicket: Int64, toTicket: Int64) async throws {
        try await db.raw("UPDATE articles SET ticket_id = \(bind: toTicket) WHERE ticket_id = \(bind: fromTicket)").run()
        try await db.raw("UPDATE attachments SET ticket_id = \(bind: toTicket) WHERE ticket_id = \(bind: fromTicket)").run()
    }

    static func decode(_ row: any SQLRow) throws -> Article {
        Article(
            id: try row.int64("id"), ticketID: try row.int64("ticket_id"), channel: try row.enumeration("channel"),
            sender: try row.enumeration("sender"), customerVisible: try row.bool("customer_visible"),
            from: try row.stringOrNil("from_address"), to: try row.stringOrNil("to_address"), cc: try row.stringOrNil("cc_address"),
            subject: try row.stringOrNil("subject"), bodyText: try row.string("body_text"), bodyHTML: try row.stringOrNil("body_html"),
            messageID: try row.stringOrNil("message_id"), inReplyTo: try row.stringOrNil("in_reply_to"),
            references: try row.stringOrNil("refs"), createdAt: try row.date("created_at"), createdBy: try row.int64OrNil("created_by")
        )
    }
}
