import Benchmark
import Foundation
import Logging
import Services
import Store
import Synchronization
import Testing

@Suite("ticketwerk bench")
struct BenchTests {
    static let figureNames: Set = [
        "seed_rate", "open_ticket_p50", "open_ticket_p99", "queue_view_p99", "search_p95", "create_rest_throughput", "mail_intake_throughput",
        "rss_under_load", "cmdb_import_seconds", "cmdb_attribute_query_p95", "cmdb_search_p95", "cmdb_item_view_p99", "cmdb_class_counts_p95",
        "dashboard_page_p99", "queue_page_p99", "ui_assets_size",
    ]

    @Test("a tiny run prints every figure as a JSON line with a positive value; a seeded database is refused, then reused",
          arguments: TestBackend.available)
    func tinyRun(backend: TestBackend) async throws {
        try await backend.withDatabase { location in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            try await BenchDatabase.prepare(location, reset: false, reuse: false, logger: logger)
            var configuration = BenchConfiguration()
            configuration.tickets = 200
            configuration.requests = 20
            configuration.clients = 2
            configuration.batchSize = 64
            configuration.items = 300

            let first = try await Self.run(location, configuration, logger: logger)
            #expect(Set(first.keys) == Self.figureNames)
            for (name, figure) in first {
                #expect((figure["value"] as? Double ?? 0) > 0, "\(name) has no positive value")
                #expect(figure["backend"] as? String == backend.rawValue)
                #expect((figure["tickets"] as? Int ?? 0) >= 200)
            }
            #expect((first["open_ticket_p99"]?["note"] as? String)?.contains("20 articles") == true)
            #expect(first["search_p95"]?["target"] as? Double == 50)
            #expect((first["cmdb_item_view_p99"]?["note"] as? String)?.contains("50 relations") == true)
            #expect(first["cmdb_import_seconds"]?["samples"] as? Int == 300)

            await #expect(throws: BenchError.self) {
                try await BenchDatabase.prepare(location, reset: false, reuse: false, logger: logger)
            }
            try await BenchDatabase.prepare(location, reset: false, reuse: true, logger: logger)
            configuration.reuse = true
            let again = try await Self.run(location, configuration, logger: logger)
            #expect(Set(again.keys) == Self.figureNames.subtracting(["seed_rate", "cmdb_import_seconds"]), "the CMDB's items are reused, not imported again")
            #expect((again["create_rest_throughput"]?["tickets"] as? Int ?? 0) > 200)

            // --reset empties a migrated database completely (tables, sequences and functions), so it migrates afresh.
            try await BenchDatabase.prepare(location, reset: true, reuse: false, logger: logger)
            let emptied = try await Database.open(location, logger: logger)
            let migrator = Migrator(database: emptied)
            let applied = try await migrator.migrate()
            let version = try await migrator.currentVersion()
            await emptied.close()
            #expect(applied > 1, "every migration runs again")
            #expect(version == Migrator.latest)
        }
    }

    /// Runs the benchmark on a migrated, seeded database; returns the printed figures by name.
    private static func run(_ location: Database.Location, _ configuration: BenchConfiguration, logger: Logger) async throws -> [String: [String: Any]] {
        let database = try await Database.open(location, logger: logger)
        let lines = Mutex<[String]>([])
        do {
            try await Migrator(database: database).migrate()
            let context = ServiceContext(database: database, logger: logger, configuration: .init(bcryptCost: 4))
            _ = try await Seeder(context: context).seedIfEmpty(adminPassword: "admin-password")
            _ = try await BenchRunner(context: context, configuration: configuration, log: { _ in }, emit: { figure in
                lines.withLock { $0.append(figure.jsonLine) }
            }).run()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        var figures: [String: [String: Any]] = [:]
        for line in lines.withLock({ $0 }) {
            #expect(!line.contains("\n"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = try #require(object["name"] as? String)
            #expect(figures[name] == nil, "\(name) printed twice")
            #expect(object["unit"] is String)
            figures[name] = object
        }
        return figures
    }
}
