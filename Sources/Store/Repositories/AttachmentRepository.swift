import Domain
import Foundation
import SQLKit

/// Attachments and the content-addressed blobs behind them; equal content is stored once.
public struct AttachmentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Stores `content` under its digest unless it is already there.
    public func storeBlob(digest: String, content: [UInt8]) async throws {
        try await db.raw("""
            INSERT INTO blobs (digest, size, content) VALUES (\(bind: digest), \(bind: Int64(content.count)), \(bind: Data(content)))
            ON CONFLICT (digest) DO NOTHING
            """).run()
    }

    public func insert(_ attachment: Attachment) async throws -> Attachment {
        let row = try await db.raw("""
            INSERT INTO attachments (article_id, ticket_id, filename, content_type, size, digest, content_id)
            VALUES (\(bind: attachment.articleID), \(bind: attachment.ticketID), \(bind: attachment.filename),
                \(bind: attachment.contentType), \(bind: Int64(attachment.size)), \(bind: attachment.digest), \(bind: attachment.contentID))
            RETURNING id
            """).first()
        var stored = attachment
        stored.id = try row?.int64("id") ?? 0
        return stored
    }

    /// The attachment with `id` if its ticket lies within `scope` and, for customers, its article is customer-visible.
    public func find(_ id: Int64, in scope: TicketScope, includeInternal: Bool) async throws -> Attachment? {
        let visibility: SQLQueryString = includeInternal ? "" : " AND ar.customer_visible = \(bind: true)"
        return try await db.raw("""
            SELECT a.* FROM attachments a JOIN tickets t ON t.id = a.ticket_id JOIN articles ar ON ar.id = a.article_id
            WHERE a.id = \(bind: id) AND \(scope.condition())\(visibility)
            """).first().map(Self.decode)
    }

    public func attachments(ofTicket ticketID: Int64) async throws -> [Attachment] {
        try await db.raw("SELECT * FROM attachments WHERE ticket_id = \(bind: ticketID) ORDER BY id").all().map(Self.decode)
    }

    public func content(digest: String) async throws -> [UInt8]? {
        guard let row = try await db.raw("SELECT content FROM blobs WHERE digest = \(bind: digest)").first() else { return nil }
        return [UInt8](try row.decode(column: "content", as: Data.self))
    }

    /// How many blobs are stored (for tests and statistics).
    public func blobCount() async throws -> Int {
        Int(try await db.raw("SELECT COUNT(*) AS n FROM blobs").first()?.int64("n") ?? 0)
    }

    static func decode(_ row: any SQLRow) throws -> Attachment {
        Attachment(
            id: try row.int64("id"), articleID: try row.int64("article_id"), ticketID: try row.int64("ticket_id"),
            filename: try row.string("filename"), contentType: try row.string("content_type"), size: Int(try row.int64("size")),
            digest: try row.string("digest"), contentID: try row.stringOrNil("content_id")
        )
    }
}
