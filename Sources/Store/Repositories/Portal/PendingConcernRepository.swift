import Domain
import Foundation
import SQLKit

/// Citizens' submissions awaiting confirmation, and the rate-limit ledger they are counted in (in the database,
/// so that every server of an installation counts the same submissions).
public struct PendingConcernRepository: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    public func insert(_ concern: PendingConcern) async throws {
        try await db.raw("""
            INSERT INTO portal_pending (token_hash, email, category_id, form_id, form_version, language, submission, created_at, expires_at)
            VALUES (\(bind: concern.tokenHash), \(bind: concern.email), \(bind: concern.categoryID), \(bind: concern.formID),
                \(bind: concern.formVersion), \(bind: concern.language), \(bind: concern.submission), \(bind: concern.createdAt.millis),
                \(bind: concern.expiresAt.millis))
            """).run()
    }

    /// The pending submission with this token hash; with `forUpdate`, locked until the transaction ends.
    public func find(tokenHash: String, forUpdate: Bool = false) async throws -> PendingConcern? {
        let lock: SQLQueryString = forUpdate && dialect == .postgres ? " FOR UPDATE" : ""
        return try await db.raw("SELECT * FROM portal_pending WHERE token_hash = \(bind: tokenHash)\(lock)").first().map { row in
            PendingConcern(
                id: try row.int64("id"), tokenHash: try row.string("token_hash"), email: try row.string("email"),
                categoryID: try row.int64("category_id"), formID: try row.int64("form_id"), formVersion: try row.int64("form_version"),
                language: try row.string("language"), submission: try row.string("submission"), createdAt: try row.date("created_at"),
                expiresAt: try row.date("expires_at"), ticketID: try row.int64OrNil("ticket_id")
            )
        }
    }

    /// Records the ticket a confirmed submission became; its answers are no longer needed.
    public func markConfirmed(_ id: Int64, ticketID: Int64) async throws {
        try await db.raw("UPDATE portal_pending SET ticket_id = \(bind: ticketID), submission = '{}' WHERE id = \(bind: id)").run()
    }

    /// Deletes unconfirmed submissions that expired before `instant`, and ledger entries older than it.
    public func prune(before instant: Date) async throws {
        try await db.raw("DELETE FROM portal_pending WHERE ticket_id IS NULL AND expires_at < \(bind: instant.millis)").run()
        try await db.raw("DELETE FROM portal_rate_events WHERE created_at < \(bind: instant.millis)").run()
    }

    /// Counts one submission of `subject` in `scope` (`address`, `network`) unless it already made `limit` since
    /// `instant`; false when over the limit, and nothing is counted then. Atomic under concurrency: on PostgreSQL the
    /// transaction first takes an advisory lock on the key, held until it ends, so parallel submissions of one key
    /// count one after the other; SQLite write transactions (`BEGIN IMMEDIATE`) run one at a time anyway.
    public func admit(scope: String, subject: String, limit: Int, since instant: Date, at now: Date) async throws -> Bool {
        if dialect == .postgres {
            try await db.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: scope + " " + subject), 0))").run()
        }
        let made = try await db.raw("""
            SELECT COUNT(*) AS n FROM portal_rate_events
            WHERE scope = \(bind: scope) AND subject = \(bind: subject) AND created_at >= \(bind: instant.millis)
            """).first()?.int64("n") ?? 0
        guard made < limit else { return false }
        try await db.raw("INSERT INTO portal_rate_events (scope, subject, created_at) VALUES (\(bind: scope), \(bind: subject), \(bind: now.millis))").run()
        return true
    }
}
