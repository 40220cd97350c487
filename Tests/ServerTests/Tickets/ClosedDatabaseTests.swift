import Foundation
import Logging
import Store
import Testing

@Suite("A closed database")
struct ClosedDatabaseTests {
    @Test("refuses reads and transactions at once instead of waiting forever", arguments: TestBackend.available)
    func refuses(backend: TestBackend) async throws {
        try await backend.withDatabase { location in
            let database = try await Database.open(location, logger: Logger(label: "test"))
            try await Migrator(database: database).migrate()
            await database.close()
            await #expect(throws: (any Error).self) {
                try await database.read { db in try await db.raw("SELECT 1 AS one").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.transaction { db in try await db.raw("SELECT 1 AS one").run() }
            }
        }
    }
}
