import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import Workers

@Suite("Worker pool")
struct WorkerPoolTests {
    /// Reports more work a few times, then fails a few times, then is idle; counts its runs.
    final class ScriptedJob: BackgroundJob {
        let runs = Mutex(0)
        let script: [Result<BackgroundJobOutcome, ScriptedFailure>]
        var name: String { "scripted" }
        var idleInterval: Duration { .milliseconds(5) }

        init(_ script: [Result<BackgroundJobOutcome, ScriptedFailure>]) {
            self.script = script
        }

        func runOnce() async throws -> BackgroundJobOutcome {
            let run = runs.withLock { count in
                count += 1
                return count
            }
            return try script[min(run, script.count) - 1].get()
        }
    }

    struct ScriptedFailure: Error {}

    /// Whether the group has stopped.
    actor Finished {
        var value = false
        func set() { value = true }
    }

    @Test("a job runs again at once while it has more work, survives failures, and stops with its task")
    func runsUntilCancelled() async throws {
        let job = ScriptedJob([.success(.moreWork), .success(.moreWork), .failure(ScriptedFailure()), .success(.idle)])
        let pool = WorkerPool(jobs: [job], logger: Logger(label: "test"), maximumBackoff: .milliseconds(20))
        let running = Task { try await pool.run() }
        // Generous: under a parallel test run on two cores the cooperative pool can be busy for many seconds.
        let deadline = ContinuousClock.now + .seconds(90)
        while job.runs.withLock({ $0 }) < 6, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        running.cancel()
        try await running.value
        #expect(job.runs.withLock { $0 } >= 6)
    }

    @Test("failures back off exponentially up to the maximum")
    func backoff() {
        let pool = WorkerPool(jobs: [], logger: Logger(label: "test"), maximumBackoff: .seconds(300))
        #expect(pool.backoff(afterFailures: 1, base: .seconds(15)) == .seconds(30))
        #expect(pool.backoff(afterFailures: 3, base: .seconds(15)) == .seconds(120))
        #expect(pool.backoff(afterFailures: 40, base: .seconds(15)) == .seconds(300))
    }

    @Test("a pool without jobs keeps running until graceful shutdown instead of stopping serve")
    func idlePoolWaits() async throws {
        let logger = Logger(label: "test")
        let group = ServiceGroup(configuration: .init(services: [.init(service: WorkerPool(jobs: [], logger: logger))], logger: logger))
        let finished = Finished()
        let running = Task {
            try await group.run()
            await finished.set()
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(await finished.value == false)
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await finished.value)
    }
}
