import Domain
import Foundation
import Logging
import Store
import Testing

/// A reader of the event stream that has seen id N must never later find a committed event below N, however the
/// writers' transactions overlap (`EventOrderSchema`).
@Suite("Event order")
struct EventOrderTests {
    @Test("an event committed after another that a reader has seen comes after it in the stream",
          arguments: TestBackend.available, [false, true])
    func commitOrder(backend: TestBackend, firstImports: Bool) async throws {
        try await backend.withDatabase { location in
            let database = try await Database.open(location, logger: Logger(label: "test"))
            try await Migrator(database: database).migrate()
            let (appended, appendedSignal) = AsyncStream<Void>.makeStream()
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            // The first writer appends its event (as a use case does, or as an import does with several), then keeps its
            // transaction open until the reader has read.
            let first = Task {
                try await database.transaction { db in
                    if firstImports {
                        try await EventRepository(db).append(type: "order.first", actorID: nil, payloads: ["{}"], at: Date())
                    } else {
                        try await EventRepository(db).append(
                            [.init(type: "order.first", ticketID: nil, actorID: nil, payload: "{}")], history: [], at: Date()
                        )
                    }
                    appendedSignal.yield()
                    for await _ in release { break }
                }
            }
            for await _ in appended { break }
            // The second writer appends and commits meanwhile (PostgreSQL) or waits for the first (SQLite's one writer).
            let second = Task {
                try await database.transaction { db in
                    try await EventRepository(db).append(type: "order.second", ticketID: nil, actorID: nil, payload: "{}", at: Date())
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            let early = try await database.read { db in try await EventRepository(db).events(after: 0, limit: 100, in: .everything) }
            let cursor = early.map(\.id).max() ?? 0
            releaseSignal.yield()
            try await first.value
            try await second.value
            let later = try await database.read { db in try await EventRepository(db).events(after: cursor, limit: 100, in: .everything) }
            let seen = (early + later).map(\.type)
            #expect(seen.sorted() == ["order.first", "order.second"])
            #expect((early + later).allSatisfy { $0.id > 0 })
            await database.close()
        }
    }
}
