import Foundation
import Logging
import Store
import Testing

/// Ticket numbers on PostgreSQL come from blocks of counter values each process reserves ahead (`CounterBlocks`).
@Suite("Counter blocks")
struct CounterBlocksTests {
    @Test("two processes taking values at once get each value once, reserving a block per ten", arguments: TestBackend.available)
    func uniqueAcrossProcesses(backend: TestBackend) async throws {
        try await backend.withDatabase { location in
            let first = try await Database.open(location, logger: Logger(label: "test"))
            let second = try await Database.open(location, logger: Logger(label: "test"))
            try await Migrator(database: first).migrate()
            let taken = try await withThrowingTaskGroup(of: (process: Int, value: Int64).self) { group in
                for index in 0..<120 {
                    let database = index.isMultiple(of: 2) ? first : second
                    group.addTask { (index % 2, try await database.counterBlocks.next("ticket.20261128", in: "ticket")) }
                }
                return try await group.reduce(into: [(process: Int, value: Int64)]()) { $0.append($1) }
            }
            let values = taken.map(\.value)
            #expect(Set(values).count == 120)
            // Each process took 60 values from whole blocks of its own: no block is shared between the two.
            for process in 0..<2 {
                let blocks = Set(taken.filter { $0.process == process }.map { ($0.value - 1) / Int64(CounterBlocks.blockSize) })
                let others = Set(taken.filter { $0.process != process }.map { ($0.value - 1) / Int64(CounterBlocks.blockSize) })
                #expect(blocks.isDisjoint(with: others))
                #expect(blocks.count >= 6)
            }
            let stored = try await first.read { db in
                try await db.raw("SELECT value FROM counters WHERE name = 'ticket.20261128'").first()?.decode(column: "value", as: Int64.self)
            }
            #expect(stored == values.max().map { ($0 + 9) / 10 * 10 })
            await first.close()
            await second.close()
        }
    }

    /// Many callers find the block used up at once and wait for one reservation; none may wait on it once it is done,
    /// whichever of them resumes first (of mixed priorities, a waiter often resumes before the caller that reserved).
    /// The low-priority half waits behind the rest of a busy test run, hence the generous limit.
    @Test("a thousand callers of mixed priorities at once each get a value, in time", .timeLimit(.minutes(3)),
          arguments: TestBackend.available)
    func crowd(backend: TestBackend) async throws {
        try await backend.withDatabase { location in
            let database = try await Database.open(location, logger: Logger(label: "test"))
            try await Migrator(database: database).migrate()
            let values = try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<1_000 {
                    group.addTask(priority: index.isMultiple(of: 2) ? .low : .high) {
                        try await database.counterBlocks.next("ticket.20261128", in: "ticket")
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(Set(values) == Set(1...1_000))
            await database.close()
        }
    }

    @Test("a new counter of the series starts at one and the old block is left", arguments: TestBackend.available)
    func nextDay(backend: TestBackend) async throws {
        try await backend.withDatabase { location in
            let database = try await Database.open(location, logger: Logger(label: "test"))
            try await Migrator(database: database).migrate()
            let blocks = database.counterBlocks
            #expect(try await blocks.next("ticket.20261128", in: "ticket") == 1)
            #expect(try await blocks.next("ticket.20261128", in: "ticket") == 2)
            #expect(try await blocks.next("ticket.20261129", in: "ticket") == 1)
            #expect(try await blocks.next("ticket.20261129", in: "ticket") == 2)
            // Another series keeps its own block.
            #expect(try await blocks.next("other", in: "other") == 1)
            #expect(try await blocks.next("ticket.20261129", in: "ticket") == 3)
            await database.close()
        }
    }
}
