import Domain
import Foundation
import Logging
import Services

/// Polls the IMAP accounts that are due (see `MailboxPoll`), on any number of nodes at once: each account is
/// leased in the database for the time of its poll, so one node at a time polls it.
///
/// After a successful poll an account is due again after its poll interval (at once when more messages wait);
/// after a failed one the wait doubles per failure in a row, from the interval up to an hour.
public struct MailPollJob: BackgroundJob {
    public let name = "mail-poll"
    public let idleInterval: Duration

    let ledger: MailPollLedger
    let intake: MailIntake
    let context: ServiceContext
    let trustRootsFile: String?
    /// This node's name in leases.
    let owner = "node-" + UUID().uuidString
    let leaseDuration: TimeInterval = 300
    let accountsPerRun = 4
    let messagesPerPoll = 100

    /// - Parameter trustRootsFile: a PEM file of extra certificates to trust (a private CA), for every account.
    public init(context: ServiceContext, intake: MailIntake, trustRootsFile: String? = nil, idleInterval: Duration = .seconds(10)) {
        self.context = context
        self.ledger = MailPollLedger(context: context)
        self.intake = intake
        self.trustRootsFile = trustRootsFile
        self.idleInterval = idleInterval
    }

    public func runOnce() async throws -> BackgroundJobOutcome {
        let leases = try await ledger.claimDue(owner: owner, until: context.now().addingTimeInterval(leaseDuration), limit: accountsPerRun)
        var moreWork = leases.count == accountsPerRun
        for lease in leases {
            let poll = MailboxPoll(
                lease: lease, ledger: ledger, intake: intake, owner: owner, leaseDuration: leaseDuration, batchLimit: messagesPerPoll,
                trustRootsFile: trustRootsFile, now: context.now, logger: context.logger)
            let outcome = await poll.run()
            let failures = outcome.error == nil ? 0 : lease.status.failures + 1
            let wait = outcome.error != nil ? Self.backoff(interval: lease.account.pollInterval, failures: failures)
                : outcome.moreWaiting ? 0 : TimeInterval(lease.account.pollInterval)
            try await ledger.finish(lease.account.id, owner: owner, error: outcome.error, imported: outcome.imported, failures: failures,
                                    nextPollAt: context.now().addingTimeInterval(wait))
            if let error = outcome.error {
                context.logger.warning("mail poll failed", metadata: ["account": "\(lease.account.name)", "failures": "\(failures)", "error": "\(error)"])
            }
            moreWork = moreWork || outcome.moreWaiting
        }
        return moreWork ? .moreWork : .idle
    }

    /// The wait after `failures` failed polls in a row: the interval doubled per failure, at most an hour.
    static func backoff(interval: Int, failures: Int) -> TimeInterval {
        min(TimeInterval(interval) * pow(2, TimeInterval(min(failures, 20))), 3600)
    }
}
