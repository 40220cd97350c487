import Services

/// Fires due SLA warnings and breaches every few seconds (thresholds fire within a minute of their instant).
struct SLAEscalationJob: BackgroundJob {
    let escalator: SLAEscalator

    var name: String { "sla-escalations" }
    var idleInterval: Duration { .seconds(15) }

    func runOnce() async throws -> BackgroundJobOutcome {
        try await escalator.escalateDue().hasMore ? .moreWork : .idle
    }
}
