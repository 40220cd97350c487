import ArgumentParser
import Benchmark
import Foundation
import Logging
import Metrics
import Prometheus
import Services

/// `ticketwerk bench`: seed a database and measure the server through HTTP; one JSON object per figure on stdout.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Seed a database and measure the server through its HTTP API.",
        discussion: """
            Prints one JSON object per figure on stdout (progress goes to stderr). Without --data or --database \
            it uses a fresh temporary SQLite database and deletes it afterwards. A given database must be empty \
            (or pass --reset to drop everything in it); --seed-only fills it and --reuse measures it again.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Tickets to seed.")
    var tickets = 100_000

    @Option(help: "Configuration items the cmdb phase imports (in chunks of 50,000) before measuring its queries.")
    var items = 50_000

    @Option(help: "Concurrent clients creating tickets.")
    var clients = 8

    @Option(help: "Measured requests per figure (default: 2000 ticket opens, 2000 queue views, 1000 searches, 5000 creates, 2000 mails, 500 page views).")
    var requests: Int?

    @Option(help: "Comma-separated load phases to run: open, queue, search, create, mail, cmdb, pages (default: all).")
    var only: String?

    @Option(help: "Seed for the synthetic data and the requests.")
    var seed: UInt64 = 20_260_101

    @Flag(help: "Seed the database, print the seed rate and stop.")
    var seedOnly = false

    @Flag(help: "Measure a database an earlier `bench --seed-only` filled, without seeding.")
    var reuse = false

    @Flag(help: "Drop everything in the given database first.")
    var reset = false

    func validate() throws {
        guard tickets > 0 else { throw ValidationError("--tickets must be positive.") }
        guard clients > 0 else { throw ValidationError("--clients must be positive.") }
        guard items > 0 else { throw ValidationError("--items must be positive.") }
        if let requests, requests <= 0 { throw ValidationError("--requests must be positive.") }
        guard !(seedOnly && reuse) else { throw ValidationError("--seed-only and --reuse exclude each other.") }
        guard !(reset && reuse) else { throw ValidationError("--reset and --reuse exclude each other.") }
        _ = try phases()
        guard databaseOptions.isDatabaseGiven || !reuse && !seedOnly else {
            throw ValidationError("--seed-only and --reuse need --data or --database; the default temporary database is deleted after the run.")
        }
    }

    /// The phases `--only` names, or all.
    private func phases() throws -> Set<BenchPhase> {
        guard let only else { return Set(BenchPhase.allCases) }
        return Set(try only.split(separator: ",").map { name in
            guard let phase = BenchPhase(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("Unknown phase '\(name)' in --only; use open, queue, search, create, mail, cmdb, pages.")
            }
            return phase
        })
    }

    func run() async throws {
        var logger = Logger(label: "ticketwerk")
        logger.logLevel = .warning
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        var options = databaseOptions
        var temporary: String?
        if !options.isDatabaseGiven {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ticketwerk-bench-\(UUID().uuidString)").path
            options.data = directory
            temporary = directory
        }
        defer {
            if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
        }

        try await BenchDatabase.prepare(options.location, reset: reset, reuse: reuse, logger: logger)
        let context = try await options.openContext(logger: logger)
        var configuration = BenchConfiguration()
        configuration.tickets = tickets
        configuration.clients = clients
        configuration.items = items
        configuration.requests = requests
        configuration.seed = seed
        configuration.seedOnly = seedOnly
        configuration.reuse = reuse
        configuration.phases = try phases()
        let runner = BenchRunner(
            context: context, configuration: configuration, metrics: registry,
            log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
            emit: { figure in
                FileHandle.standardOutput.write(Data((figure.jsonLine + "\n").utf8))
            }
        )
        do {
            _ = try await runner.run()
        } catch {
            await context.database.close()
            throw error
        }
        await context.database.close()
    }
}
