import Foundation
import Logging
import Store
import Testing

@Suite("SQLite write-ahead log")
struct WALCheckpointTests {
    /// The writer does not checkpoint itself (`WALCheckpointer` does, beside it): the log must still be copied back
    /// and start over, or it would grow with every write.
    @Test("the log stays bounded while far more than its threshold is written, and every row is kept")
    func logStaysBounded() async throws {
        try await TestBackend.sqlite.withDatabase { location in
            guard case .sqlite(let path) = location else { return }
            let database = try await Database.open(location, logger: Logger(label: "test"))
            try await database.transaction { db in try await db.raw("CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB)").run() }
            var largestLog = 0
            for _ in 0..<80 {
                try await database.transaction { db in try await db.raw("INSERT INTO filler (data) VALUES (randomblob(1000000))").run() }
                let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
                largestLog = max(largestLog, size)
                try await Task.sleep(for: .milliseconds(5))
            }
            let rows = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM filler").first()?.decode(column: "n", as: Int.self)
            }
            await database.close()
            #expect(rows == 80)
            #expect(largestLog > 0)
            #expect(largestLog < 50_000_000, "80 MB written, yet the log grew to \(largestLog) bytes")
        }
    }
}
