import Logging
import ServiceLifecycle
import Testing
import Workers

/// The worker pool inside a service group, as `serve` runs it.
@Suite("Worker pool")
struct WorkerPoolTests {
    /// Whether the group has stopped.
    actor Finished {
        var value = false
        func set() { value = true }
    }

    @Test("a pool without jobs (no SMTP configured) keeps running until graceful shutdown instead of stopping serve")
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
