import Logging
import ServiceLifecycle

/// Runs background jobs side by side until graceful shutdown, as one ServiceLifecycle service of `serve`.
///
/// Each job loops on its own task: it runs again at once while it reports more work, waits its idle interval
/// when it reports none, and backs off exponentially (up to `maximumBackoff`) while it fails, so a database
/// outage neither spins the CPU nor floods the log.
public struct WorkerPool: Service {
    private let jobs: [any BackgroundJob]
    private let logger: Logger
    private let maximumBackoff: Duration

    public init(jobs: [any BackgroundJob], logger: Logger, maximumBackoff: Duration = .seconds(300)) {
        self.jobs = jobs
        self.logger = logger
        self.maximumBackoff = maximumBackoff
    }

    public func run() async throws {
        // A service that returns early stops the whole ServiceGroup (and so `serve`): with nothing to run, wait.
        guard !jobs.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for job in jobs {
                    group.addTask { await loop(job) }
                }
            }
        }
    }

    private func loop(_ job: any BackgroundJob) async {
        var failures = 0
        while !Task.isCancelled {
            let pause: Duration
            do {
                let outcome = try await job.runOnce()
                failures = 0
                pause = outcome == .moreWork ? .zero : job.idleInterval
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                pause = backoff(afterFailures: failures, base: job.idleInterval)
                logger.error("background job failed", metadata: [
                    "job": "\(job.name)", "failures": "\(failures)", "retryIn": "\(pause)", "error": "\(error)",
                ])
            }
            if pause > .zero {
                do { try await Task.sleep(for: pause) } catch { return }
            }
        }
    }

    /// The wait after `failures` failed runs in a row: the idle interval doubled per failure, capped.
    func backoff(afterFailures failures: Int, base: Duration) -> Duration {
        let doubled = base * (1 << min(failures, 16))
        return min(doubled, maximumBackoff)
    }
}
