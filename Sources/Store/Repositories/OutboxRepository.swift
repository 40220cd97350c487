import Domain
import Foundation
import SQLKit

/// The mail outbox. Every state change after enqueueing is conditional on the caller's lease, so a node whose
/// lease has passed to another cannot overwrite what that node does.
public struct OutboxRepository: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    public init(_ db: any SQLDatabase, dialect: Dialect) {
        self.db = db
        self.dialect = dialect
    }

    /// Stores a new `queued` message; returns its id.
    public func enqueue(_ message: OutboxMessage) async throws -> Int64 {
        let row = try await db.raw("""
            INSERT INTO mail_outbox (ticket_id, article_id, message_id, envelope_sender, envelope_recipients, content, status,
                attempts, next_attempt_at, created_at)
            VALUES (\(bind: message.ticketID), \(bind: message.articleID), \(bind: message.messageID), \(bind: message.envelopeSender),
                \(bind: jsonArray(message.envelopeRecipients)), \(bind: Data(message.content)), \(bind: OutboxStatus.queued.rawValue),
                0, \(bind: message.nextAttemptAt.millis), \(bind: message.createdAt.millis))
            RETURNING id
            """).first()
        return try row?.int64("id") ?? 0
    }

    /// Leases up to `limit` due messages to `owner` until `leaseUntil` and counts an attempt for each: queued ones
    /// whose time has come, and `sending` ones whose lease ran out before their final line was sent (their node
    /// died; the server never took them). Oldest due first. On PostgreSQL, rows another node is claiming are skipped.
    public func claim(owner: String, now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage] {
        let lock: SQLQueryString = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.raw("""
            UPDATE mail_outbox SET status = \(bind: OutboxStatus.sending.rawValue), lease_owner = \(bind: owner),
                lease_until = \(bind: leaseUntil.millis), attempts = attempts + 1
            WHERE id IN (SELECT id FROM mail_outbox
                WHERE (status = \(bind: OutboxStatus.queued.rawValue) AND next_attempt_at <= \(bind: now.millis))
                    OR (status = \(bind: OutboxStatus.sending.rawValue) AND lease_until <= \(bind: now.millis) AND committing_at IS NULL)
                ORDER BY next_attempt_at, id LIMIT \(bind: limit)\(lock))
            RETURNING *
            """).all().map(Self.decode).sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
    }

    /// Marks `unconfirmed` the messages whose node sent the final line and then lost its lease without recording
    /// the server's answer; returns them (without content).
    public func abandonCommitted(now: Date, reason: String) async throws -> [OutboxMessage] {
        try await db.raw("""
            UPDATE mail_outbox SET status = \(bind: OutboxStatus.unconfirmed.rawValue), finished_at = \(bind: now.millis),
                last_error = \(bind: reason)
            WHERE status = \(bind: OutboxStatus.sending.rawValue) AND lease_until <= \(bind: now.millis) AND committing_at IS NOT NULL
            RETURNING \(Self.listColumns)
            """).all().map(Self.decode)
    }

    /// Records that `owner` is about to send the final line; false (and nothing changed) when its lease is gone.
    public func markCommitting(_ id: Int64, owner: String, now: Date) async throws -> Bool {
        try await db.raw("""
            UPDATE mail_outbox SET committing_at = \(bind: now.millis)
            WHERE id = \(bind: id) AND lease_owner = \(bind: owner) AND status = \(bind: OutboxStatus.sending.rawValue)
                AND lease_until > \(bind: now.millis)
            RETURNING id
            """).first() != nil
    }

    /// Marks the message `sent` with the server's answer. Also upgrades an `unconfirmed` one of the same owner,
    /// whose answer arrived after another node had given up on it.
    public func markSent(_ id: Int64, owner: String, reply: String, now: Date) async throws -> OutboxMessage? {
        try await db.raw("""
            UPDATE mail_outbox SET status = \(bind: OutboxStatus.sent.rawValue), server_reply = \(bind: reply),
                finished_at = \(bind: now.millis), last_error = NULL
            WHERE id = \(bind: id) AND lease_owner = \(bind: owner)
                AND status IN (\(bind: OutboxStatus.sending.rawValue), \(bind: OutboxStatus.unconfirmed.rawValue))
            RETURNING \(Self.listColumns)
            """).first().map(Self.decode)
    }

    /// Ends or postpones the owner's attempt: `queued` again at `retryAt`, or `failed`/`unconfirmed` (final).
    /// Returns the message, nil when the owner no longer holds it.
    public func finishAttempt(
        _ id: Int64, owner: String, status: OutboxStatus, error: String, retryAt: Date?, now: Date
    ) async throws -> OutboxMessage? {
        try await db.raw("""
            UPDATE mail_outbox SET status = \(bind: status.rawValue), last_error = \(bind: error),
                next_attempt_at = COALESCE(\(bind: retryAt?.millis), next_attempt_at),
                finished_at = \(bind: status.isFinal ? now.millis : nil), lease_until = \(bind: status.isFinal ? nil : now.millis)
            WHERE id = \(bind: id) AND lease_owner = \(bind: owner) AND status = \(bind: OutboxStatus.sending.rawValue)
            RETURNING \(Self.listColumns)
            """).first().map(Self.decode)
    }

    /// Queues a `failed` or `unconfirmed` message of the ticket again, due now, with its attempts reset; returns it,
    /// nil when the ticket has no such message in one of those states.
    public func requeue(_ id: Int64, ofTicket ticketID: Int64, now: Date) async throws -> OutboxMessage? {
        try await db.raw("""
            UPDATE mail_outbox SET status = \(bind: OutboxStatus.queued.rawValue), attempts = 0, next_attempt_at = \(bind: now.millis),
                lease_owner = NULL, lease_until = NULL, committing_at = NULL, finished_at = NULL
            WHERE id = \(bind: id) AND ticket_id = \(bind: ticketID)
                AND status IN (\(bind: OutboxStatus.failed.rawValue), \(bind: OutboxStatus.unconfirmed.rawValue))
            RETURNING \(Self.listColumns)
            """).first().map(Self.decode)
    }

    /// The ticket's messages, oldest first, without content.
    public func messages(ofTicket ticketID: Int64) async throws -> [OutboxMessage] {
        try await db.raw("SELECT \(Self.listColumns) FROM mail_outbox WHERE ticket_id = \(bind: ticketID) ORDER BY id")
            .all().map(Self.decode)
    }

    /// One message with its content.
    public func find(_ id: Int64) async throws -> OutboxMessage? {
        try await db.raw("SELECT * FROM mail_outbox WHERE id = \(bind: id)").first().map(Self.decode)
    }

    /// Every column but the content, for listings and answers to updates.
    private static let listColumns: SQLQueryString = """
        id, ticket_id, article_id, message_id, envelope_sender, envelope_recipients, status, attempts, next_attempt_at, \
        lease_owner, lease_until, committing_at, last_error, server_reply, created_at, finished_at
        """

    static func decode(_ row: any SQLRow) throws -> OutboxMessage {
        let content = row.contains(column: "content") ? [UInt8](try row.decode(column: "content", as: Data.self)) : []
        return OutboxMessage(
            id: try row.int64("id"), ticketID: try row.int64OrNil("ticket_id"), articleID: try row.int64OrNil("article_id"),
            messageID: try row.string("message_id"), envelopeSender: try row.string("envelope_sender"),
            envelopeRecipients: try row.stringArray("envelope_recipients"), content: content,
            status: try row.enumeration("status"), attempts: Int(try row.int64("attempts")),
            nextAttemptAt: try row.date("next_attempt_at"), leaseOwner: try row.stringOrNil("lease_owner"),
            leaseUntil: try row.dateOrNil("lease_until"), committingAt: try row.dateOrNil("committing_at"),
            lastError: try row.stringOrNil("last_error"), serverReply: try row.stringOrNil("server_reply"),
            createdAt: try row.date("created_at"), finishedAt: try row.dateOrNil("finished_at")
        )
    }
}
