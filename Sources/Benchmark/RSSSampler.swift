import Foundation
import Synchronization

/// Samples this process's resident set size while load runs and keeps the largest value.
final class RSSSampler: Sendable {
    private let peak = Mutex<Int>(0)
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Starts sampling every `interval`.
    func start(interval: Duration = .milliseconds(50)) {
        let sampling = Task { [weak self] in
            while !Task.isCancelled {
                self?.sample()
                try? await Task.sleep(for: interval)
            }
        }
        task.withLock { $0 = sampling }
    }

    /// Stops sampling and returns the largest RSS seen, in bytes.
    func stop() async -> Int {
        let sampling = task.withLock { task in
            defer { task = nil }
            return task
        }
        sampling?.cancel()
        await sampling?.value
        sample()
        return peak.withLock { $0 }
    }

    /// Takes one sample now.
    func sample() {
        let current = Self.currentRSS()
        peak.withLock { $0 = max($0, current) }
    }

    /// `VmRSS` from `/proc/self/status`, in bytes (0 where there is no procfs).
    static func currentRSS() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.dropFirst("VmRSS:".count).filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}
