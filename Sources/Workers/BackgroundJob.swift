import Foundation

/// One kind of background work (outbox delivery, mail polling, SLA escalations), run over and over by a `WorkerPool`.
///
/// A job must be safe to run on any number of nodes at once: it claims its work in the database (a lease, a
/// conditional update or `FOR UPDATE SKIP LOCKED`), so the same piece of work is never done twice.
public protocol BackgroundJob: Sendable {
    /// A short name for logs and metrics, such as `sla-escalations`.
    var name: String { get }
    /// How long the pool waits before the next run when the last one found nothing more to do.
    var idleInterval: Duration { get }
    /// Does one batch of work and tells whether more may be waiting (then the pool runs the job again at once).
    func runOnce() async throws -> BackgroundJobOutcome
}

/// What one run of a `BackgroundJob` left behind.
public enum BackgroundJobOutcome: Sendable, Equatable {
    /// Work remains; run again without waiting.
    case moreWork
    /// Nothing is left for now; wait the job's idle interval.
    case idle
}
