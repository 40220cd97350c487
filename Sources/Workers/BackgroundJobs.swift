import Services

/// Every background job a `serve` process runs; each is safe to run on several nodes at once.
public func backgroundJobs(context: ServiceContext, masterData: MasterDataCache) -> [any BackgroundJob] {
    [
        SLAEscalationJob(escalator: SLAEscalator(context: context, masterData: masterData)),
    ]
}
