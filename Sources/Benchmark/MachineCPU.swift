import Foundation

/// CPU time the whole machine spent (every process: the server, its clients and a PostgreSQL server on the same
/// machine), read from `/proc/stat`. Throughput on a shared machine varies by ±15 % between runs; CPU time per
/// request varies much less, so the bench reports it beside throughput.
struct MachineCPU: Sendable {
    /// Busy time (user, nice, system, irq, softirq) in clock ticks, or nil where there is no procfs.
    let busyTicks: Int?

    /// The counters now.
    static func now() -> MachineCPU {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return MachineCPU(busyTicks: nil) }
        let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        guard fields.count >= 7 else { return MachineCPU(busyTicks: nil) }
        return MachineCPU(busyTicks: fields[0] + fields[1] + fields[2] + fields[5] + fields[6])
    }

    /// Milliseconds of CPU per operation between `start` and now, for `operations` operations (nil without procfs).
    func millisecondsPerOperation(since start: MachineCPU, operations: Int) -> Double? {
        guard let end = busyTicks, let begin = start.busyTicks, operations > 0 else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return Double(end - begin) / ticksPerSecond * 1_000 / Double(operations)
    }
}
