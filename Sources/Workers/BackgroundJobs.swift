import Foundation
import Mail
import Services

/// Every background job a `serve` process runs; each is safe to run on several nodes at once. Outbox delivery
/// runs only when SMTP is configured; throws when its settings cannot work (an unreadable certificate file).
/// `TICKETWERK_MAIL_CA_FILE` names a PEM file of extra certificates the mail poller trusts (a private CA).
public func backgroundJobs(context: ServiceContext, masterData: MasterDataCache) throws -> [any BackgroundJob] {
    let tickets = TicketService(context: context, masterData: masterData)
    var jobs: [any BackgroundJob] = [
        SLAEscalationJob(escalator: SLAEscalator(context: context, masterData: masterData)),
        MailPollJob(context: context, intake: MailIntake(context: context, tickets: tickets, masterData: masterData),
                    trustRootsFile: ProcessInfo.processInfo.environment["TICKETWERK_MAIL_CA_FILE"]),
    ]
    if let smtp = context.configuration.smtp {
        let delivery = OutboxDelivery(context: context, tickets: tickets, policy: context.configuration.outbox)
        jobs.append(OutboxDeliveryJob(delivery: delivery, client: try SMTPClient(settings: smtp)))
    }
    return jobs
}
