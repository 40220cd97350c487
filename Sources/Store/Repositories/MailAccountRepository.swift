import Domain
import Foundation
import SQLKit

/// Mail accounts, their poll status, the lease that lets one node at a time poll an account, and the count of
/// failed intakes per message.
public struct MailAccountRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Intakes of one message that may fail before it is skipped.
    public static let attemptsBeforeSkipping = 3

    public func all() async throws -> [(account: MailAccount, status: MailAccountStatus)] {
        try await decode(db.raw("\(unsafeRaw: Self.select) ORDER BY a.id").all())
    }

    public func find(_ id: Int64) async throws -> (account: MailAccount, status: MailAccountStatus)? {
        try await decode(db.raw("\(unsafeRaw: Self.select) WHERE a.id = \(bind: id)").all()).first
    }

    public func nameExists(_ name: String, except id: Int64) async throws -> Bool {
        try await db.raw("SELECT 1 AS x FROM mail_accounts WHERE name_key = \(bind: name.lowercased()) AND id <> \(bind: id)").first() != nil
    }

    /// Stores a new account, due at once.
    public func insert(_ account: MailAccount, at now: Date) async throws -> Int64 {
        let row = try await db.raw("""
            INSERT INTO mail_accounts (name, name_key, host, port, security, username, password, folder, queue_id, is_trusted,
                after_import, move_folder, poll_interval, is_active, created_at, imported_count, failures, next_poll_at)
            VALUES (\(bind: account.name), \(bind: account.name.lowercased()), \(bind: account.host), \(bind: Int64(account.port)),
                \(bind: account.security.rawValue), \(bind: account.username), \(bind: account.password), \(bind: account.folder),
                \(bind: account.queueID), \(bind: account.isTrusted), \(bind: account.afterImport.rawValue), \(bind: account.moveFolder),
                \(bind: Int64(account.pollInterval)), \(bind: account.isActive), \(bind: now.millis), 0, 0, \(bind: now.millis))
            RETURNING id
            """).first()
        return try row?.int64("id") ?? 0
    }

    /// Changes the settings; the account becomes due at once and its error count starts over.
    public func update(_ account: MailAccount, at now: Date) async throws {
        try await db.raw("""
            UPDATE mail_accounts SET name = \(bind: account.name), name_key = \(bind: account.name.lowercased()),
                host = \(bind: account.host), port = \(bind: Int64(account.port)), security = \(bind: account.security.rawValue),
                username = \(bind: account.username), password = \(bind: account.password), folder = \(bind: account.folder),
                queue_id = \(bind: account.queueID), is_trusted = \(bind: account.isTrusted),
                after_import = \(bind: account.afterImport.rawValue), move_folder = \(bind: account.moveFolder),
                poll_interval = \(bind: Int64(account.pollInterval)), is_active = \(bind: account.isActive),
                failures = 0, next_poll_at = \(bind: now.millis)
            WHERE id = \(bind: account.id)
            """).run()
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM mail_message_failures WHERE account_id = \(bind: id)").run()
        try await db.raw("DELETE FROM mail_accounts WHERE id = \(bind: id)").run()
    }

    /// Leases up to `limit` active accounts that are due and not leased by a live node; returns those won.
    /// Each is taken by a conditional update, so two nodes never hold the same account.
    public func claimDue(at now: Date, owner: String, until: Date, limit: Int) async throws -> [(account: MailAccount, status: MailAccountStatus)] {
        let candidates = try await db.raw("""
            SELECT id FROM mail_accounts WHERE is_active = \(bind: true) AND next_poll_at <= \(bind: now.millis)
                AND (lease_until IS NULL OR lease_until < \(bind: now.millis))
            ORDER BY next_poll_at, id LIMIT \(literal: limit)
            """).all().map { try $0.int64("id") }
        var won: [(account: MailAccount, status: MailAccountStatus)] = []
        for id in candidates {
            let claimed = try await db.raw("""
                UPDATE mail_accounts SET lease_owner = \(bind: owner), lease_until = \(bind: until.millis)
                WHERE id = \(bind: id) AND is_active = \(bind: true) AND (lease_until IS NULL OR lease_until < \(bind: now.millis))
                RETURNING id
                """).first()
            if claimed != nil, let found = try await find(id) { won.append(found) }
        }
        return won
    }

    /// Extends a lease this owner holds; false when it was lost (expired and taken by another node).
    public func renewLease(of id: Int64, owner: String, until: Date) async throws -> Bool {
        try await db.raw("""
            UPDATE mail_accounts SET lease_until = \(bind: until.millis) WHERE id = \(bind: id) AND lease_owner = \(bind: owner)
            RETURNING id
            """).first() != nil
    }

    /// Records how a poll ended and releases the lease.
    public func finishPoll(
        of id: Int64, owner: String, at now: Date, error: String?, imported: Int, failures: Int, nextPollAt: Date
    ) async throws {
        try await db.raw("""
            UPDATE mail_accounts SET last_poll_at = \(bind: now.millis),
                last_success_at = \(unsafeRaw: error == nil ? "\(now.millis)" : "last_success_at"),
                last_error = \(bind: error), imported_count = imported_count + \(bind: Int64(imported)),
                failures = \(bind: Int64(failures)), next_poll_at = \(bind: nextPollAt.millis), lease_owner = NULL, lease_until = NULL
            WHERE id = \(bind: id) AND lease_owner = \(bind: owner)
            """).run()
    }

    /// Counts one more failed intake of a message and returns how many there have been.
    public func recordFailure(account id: Int64, uidValidity: UInt32, uid: UInt32, error: String, attempts: Int = 1, at now: Date) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO mail_message_failures (account_id, uid_validity, uid, attempts, last_error, failed_at)
            VALUES (\(bind: id), \(bind: Int64(uidValidity)), \(bind: Int64(uid)), \(bind: Int64(attempts)), \(bind: error), \(bind: now.millis))
            ON CONFLICT (account_id, uid_validity, uid) DO UPDATE SET attempts = mail_message_failures.attempts + \(bind: Int64(attempts)),
                last_error = \(bind: error), failed_at = \(bind: now.millis)
            RETURNING attempts
            """).first()
        return Int(try row?.int64("attempts") ?? Int64(attempts))
    }

    /// The UIDs of messages (under this UIDVALIDITY) to leave alone because their intake failed too often.
    public func skippedUIDs(account id: Int64, uidValidity: UInt32) async throws -> Set<UInt32> {
        let rows = try await db.raw("""
            SELECT uid FROM mail_message_failures WHERE account_id = \(bind: id) AND uid_validity = \(bind: Int64(uidValidity))
                AND attempts >= \(bind: Int64(Self.attemptsBeforeSkipping))
            """).all()
        return Set(try rows.map { UInt32(truncatingIfNeeded: try $0.int64("uid")) })
    }

    private static let select = """
        SELECT a.*, (SELECT COUNT(*) FROM mail_message_failures f WHERE f.account_id = a.id
            AND f.attempts >= \(attemptsBeforeSkipping)) AS skipped_count FROM mail_accounts a
        """

    private func decode(_ rows: [any SQLRow]) throws -> [(account: MailAccount, status: MailAccountStatus)] {
        try rows.map { row in
            let account = MailAccount(
                id: try row.int64("id"), name: try row.string("name"), host: try row.string("host"), port: Int(try row.int64("port")),
                security: try row.enumeration("security"), username: try row.string("username"), password: try row.string("password"),
                folder: try row.string("folder"), queueID: try row.int64("queue_id"), isTrusted: try row.bool("is_trusted"),
                afterImport: try row.enumeration("after_import"), moveFolder: try row.stringOrNil("move_folder"),
                pollInterval: Int(try row.int64("poll_interval")), isActive: try row.bool("is_active"))
            let status = MailAccountStatus(
                lastPollAt: try row.dateOrNil("last_poll_at"), lastSuccessAt: try row.dateOrNil("last_success_at"),
                lastError: try row.stringOrNil("last_error"), importedCount: try row.int64("imported_count"),
                failures: Int(try row.int64("failures")), nextPollAt: try row.date("next_poll_at"),
                skippedCount: try row.int64("skipped_count"))
            return (account, status)
        }
    }
}
