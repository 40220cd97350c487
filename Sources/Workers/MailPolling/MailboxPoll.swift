import Domain
import Foundation
import Logging
import Mail
import Services

/// One poll of one leased mail account: sign in, file each waiting message through the intake use case, and
/// delete or move it on the server only after its intake committed.
///
/// A message whose intake is refused (a `DomainError`, such as a message over the size limit) stays on the
/// server; after `MailPollLedger.attemptsBeforeSkipping` refusals it is skipped in later polls, so it never
/// blocks the mailbox. Any other failure (the database gone, the server gone) ends the poll with the message
/// still on the server, to be retried at the next poll.
struct MailboxPoll {
    let lease: MailPollLedger.Lease
    let ledger: MailPollLedger
    let intake: MailIntake
    let owner: String
    let leaseDuration: TimeInterval
    let batchLimit: Int
    let trustRootsFile: String?
    let now: @Sendable () -> Date
    let logger: Logger

    /// What the poll achieved.
    struct Outcome {
        var imported = 0
        /// Why the poll failed, in words for administrators; nil when it succeeded.
        var error: String?
        /// More messages wait than one poll takes.
        var moreWaiting = false
    }

    /// The poll ended early because another node took over the account.
    struct LeaseLost: Error, CustomStringConvertible {
        var description: String { "the lease on the account expired and another node took it over" }
    }

    var account: MailAccount { lease.account }

    func run() async -> Outcome {
        var outcome = Outcome()
        let configuration = IMAPConfiguration(
            host: account.host, port: account.port, security: IMAPSecurity(account.security), trustRootsFile: trustRootsFile)
        let connection: IMAPConnection
        do {
            connection = try await IMAPConnection.connect(configuration)
        } catch {
            outcome.error = MailPollErrorText.describe(error, account: account)
            return outcome
        }
        do {
            try await connection.login(username: account.username, password: account.password)
            try await importMessages(from: connection, into: &outcome)
            await connection.logout()
        } catch {
            outcome.error = MailPollErrorText.describe(error, account: account)
            await connection.close()
        }
        return outcome
    }

    private func importMessages(from connection: IMAPConnection, into outcome: inout Outcome) async throws {
        let status = try await connection.select(account.folder)
        let validity = status.uidValidity ?? 0
        let skipped = try await ledger.skippedUIDs(account.id, uidValidity: validity)
        let waiting = try await connection.uidSearchUndeleted().filter { !skipped.contains($0) }
        outcome.moreWaiting = waiting.count > batchLimit
        let batch = Array(waiting.prefix(batchLimit))
        let sizes = try await connection.uidFetchSizes(batch)
        for uid in batch {
            guard try await ledger.renew(account.id, owner: owner, until: now().addingTimeInterval(leaseDuration)) else { throw LeaseLost() }
            if let size = sizes[uid], size > MailIntake.maxMessageBytes {
                try await ledger.recordFailure(account.id, uidValidity: validity, uid: uid, error: "larger than the intake accepts (\(size) bytes)",
                                               attempts: MailPollLedger.attemptsBeforeSkipping)
                logger.warning("mail message too large, left on the server", metadata: ["account": "\(account.name)", "uid": "\(uid)"])
                continue
            }
            guard let raw = try await connection.uidFetchMessage(uid) else { continue }
            do {
                _ = try await intake.ingest(raw, queue: lease.queueName, trusted: account.isTrusted)
            } catch let refusal as DomainError {
                try await ledger.recordFailure(account.id, uidValidity: validity, uid: uid, error: refusal.message)
                logger.warning("mail message refused, left on the server", metadata: [
                    "account": "\(account.name)", "uid": "\(uid)", "error": "\(refusal.message)",
                ])
                continue
            }
            outcome.imported += 1
            switch account.afterImport {
            case .delete: try await connection.uidDelete([uid])
            case .move: try await connection.uidMove([uid], to: account.moveFolder ?? "INBOX.Ticketwerk")
            }
        }
    }
}

extension IMAPSecurity {
    init(_ security: MailAccountSecurity) {
        switch security {
        case .none: self = .none
        case .starttls: self = .startTLS
        case .tls: self = .tls
        }
    }
}
