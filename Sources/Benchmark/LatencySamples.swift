/// Latencies of one kind of request, in milliseconds.
struct LatencySamples: Sendable {
    private(set) var values: [Double] = []

    mutating func add(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        values.append(Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
    }

    mutating func add(contentsOf other: LatencySamples) {
        values += other.values
    }

    var count: Int { values.count }

    /// The nearest-rank percentile (`quantile` in 0...1); 0 without samples.
    func percentile(_ quantile: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((quantile * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
