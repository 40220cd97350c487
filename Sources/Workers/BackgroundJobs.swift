import Foundation
import Services

/// Every background job a `serve` process runs; each is safe to run on several nodes at once.
///
/// `TICKETWERK_MAIL_CA_FILE` names a PEM file of extra certificates the mail poller trusts (a private CA).
public func backgroundJobs(context: ServiceContext) -> [any BackgroundJob] {
    let masterData = MasterDataCache()
    let intake = MailIntake(context: context, tickets: TicketService(context: context, masterData: masterData), masterData: masterData)
    return [
        MailPollJob(context: context, intake: intake, trustRootsFile: ProcessInfo.processInfo.environment["TICKETWERK_MAIL_CA_FILE"]),
    ]
}
