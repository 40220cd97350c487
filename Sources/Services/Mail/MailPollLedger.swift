import Domain
import Foundation
import Store

/// The database side of mail polling, for the workers: leasing due accounts, recording how a poll went, and
/// counting failed intakes per message. Each call is one short transaction of its own.
public struct MailPollLedger: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    /// An account leased for polling, with its status and the name of its target queue.
    public struct Lease: Sendable {
        public var account: MailAccount
        public var status: MailAccountStatus
        public var queueName: String?
    }

    /// Leases up to `limit` due accounts for `owner` until `until`.
    public func claimDue(owner: String, until: Date, limit: Int) async throws -> [Lease] {
        let now = context.now()
        return try await context.database.transaction { db in
            let accounts = try await MailAccountRepository(db).claimDue(at: now, owner: owner, until: until, limit: limit)
            let queues = try await Records<Queue>(db).all()
            return accounts.map { found in
                Lease(account: found.account, status: found.status, queueName: queues.first { $0.id == found.account.queueID }?.name)
            }
        }
    }

    /// Extends the lease; false when this owner no longer holds it.
    public func renew(_ accountID: Int64, owner: String, until: Date) async throws -> Bool {
        try await context.database.transaction { db in
            try await MailAccountRepository(db).renewLease(of: accountID, owner: owner, until: until)
        }
    }

    /// Records the end of a poll and releases the lease.
    public func finish(_ accountID: Int64, owner: String, error: String?, imported: Int, failures: Int, nextPollAt: Date) async throws {
        let now = context.now()
        try await context.database.transaction { db in
            try await MailAccountRepository(db).finishPoll(
                of: accountID, owner: owner, at: now, error: error, imported: imported, failures: failures, nextPollAt: nextPollAt)
        }
    }

    /// Counts a failed intake of one message (`attempts` at once for a message that can never succeed).
    public func recordFailure(_ accountID: Int64, uidValidity: UInt32, uid: UInt32, error: String, attempts: Int = 1) async throws {
        let now = context.now()
        _ = try await context.database.transaction { db in
            try await MailAccountRepository(db).recordFailure(account: accountID, uidValidity: uidValidity, uid: uid, error: error, attempts: attempts, at: now)
        }
    }

    /// The messages to leave on the server untouched because their intake failed too often.
    public func skippedUIDs(_ accountID: Int64, uidValidity: UInt32) async throws -> Set<UInt32> {
        try await context.database.read { db in
            try await MailAccountRepository(db).skippedUIDs(account: accountID, uidValidity: uidValidity)
        }
    }

    /// Intakes of one message that may fail before it is skipped.
    public static var attemptsBeforeSkipping: Int { MailAccountRepository.attemptsBeforeSkipping }
}
