/// Values of database counters taken from blocks this process reserves ahead, for parallel writers (PostgreSQL).
///
/// Taking a value from the `counters` table costs a statement of its own, committed at once so that the counter row is
/// not locked until the caller's transaction ends. Reserving `blockSize` values with one statement and handing them
/// out here saves that round trip for all but one in `blockSize`. Values stay unique across processes; a process's
/// unused values are lost when it stops (a gap, as when a transaction that took a value fails), and two processes
/// hand out their blocks side by side, so values follow the order of creation only within one process.
public actor CounterBlocks {
    /// Values reserved with one statement.
    public static let blockSize = 10

    private struct Block {
        var counter: String
        var next: Int64
        var last: Int64
    }

    private let backend: any DatabaseBackend
    /// The current block of each series (a counter per day, say), and the reservation under way.
    private var blocks: [String: Block] = [:]
    private var reservations: [String: Task<Block, any Error>] = [:]

    init(backend: any DatabaseBackend) {
        self.backend = backend
    }

    /// The next value of `counter`, which belongs to `series`: a new counter of the series (the next day's) replaces
    /// the block of the one before.
    ///
    /// Callers that find the block used up share one reservation. Whichever of them resumes first installs the new
    /// block and clears the reservation, so the others find the block, not the finished reservation again.
    public func next(_ counter: String, in series: String) async throws -> Int64 {
        while true {
            if let block = blocks[series], block.counter == counter, block.next <= block.last {
                blocks[series]?.next += 1
                return block.next
            }
            let reservation = reservations[series] ?? reserve(counter, in: series)
            let result = await reservation.result
            if reservations[series] == reservation {
                reservations[series] = nil
                blocks[series] = try result.get()
            }
        }
    }

    private func reserve(_ counter: String, in series: String) -> Task<Block, any Error> {
        let backend = backend
        let reservation = Task {
            let first = try await backend.read { db in try await Counters(db).reserve(counter, count: Self.blockSize) }
            return Block(counter: counter, next: first, last: first + Int64(Self.blockSize) - 1)
        }
        reservations[series] = reservation
        return reservation
    }
}
