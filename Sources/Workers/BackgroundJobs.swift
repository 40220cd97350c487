import Mail
import Services

/// Every background job a `serve` process runs; each is safe to run on several nodes at once. Outbox delivery
/// runs only when SMTP is configured; throws when its settings cannot work (an unreadable certificate file).
public func backgroundJobs(context: ServiceContext, masterData: MasterDataCache) throws -> [any BackgroundJob] {
    var jobs: [any BackgroundJob] = [
        SLAEscalationJob(escalator: SLAEscalator(context: context, masterData: masterData)),
    ]
    if let smtp = context.configuration.smtp {
        let delivery = OutboxDelivery(
            context: context, tickets: TicketService(context: context, masterData: masterData), policy: context.configuration.outbox)
        jobs.append(OutboxDeliveryJob(delivery: delivery, client: try SMTPClient(settings: smtp)))
    }
    return jobs
}
