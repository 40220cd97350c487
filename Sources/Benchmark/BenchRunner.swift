import Domain
import Foundation
import Logging
import NIOCore
import Prometheus
import Services
import SQLKit
import Store
import Synchronization
import Web
#if canImport(Glibc)
import Glibc
#endif

/// Seeds a database and measures it through the real HTTP stack: the Ticketwerk server runs in this process
/// on 127.0.0.1, clients talk to it over TCP with an API token, exactly as outside tools would.
///
/// Figures, in order: `seed_rate` (when seeding), `open_ticket_p50` and `open_ticket_p99` (ticket plus
/// articles of a ticket with 20 articles, one request after the other), `queue_view_p99` (50 open or new
/// tickets of a queue, earliest SLA due time first), `search_p95` (one- to three-word queries from the texts' word
/// lists), `create_rest_throughput` (`POST /api/v1/tickets` with a 1 KB first article from `clients`
/// concurrent clients), `mail_intake_throughput` (inbound mail through the intake use case, see `BenchRunner+Mail`),
/// the CMDB figures (see `measureCMDB`) and `rss_under_load` (largest resident set size of the process while the
/// others ran).
/// Default requests per figure: 2,000 ticket opens, 2,000 queue views, 1,000 searches, 5,000 creates, 2,000 mails,
/// each after a short warm-up that is not counted.
public struct BenchRunner: Sendable {
    let context: ServiceContext
    let configuration: BenchConfiguration
    let metrics: PrometheusCollectorRegistry
    let serverLogger: Logger
    let log: @Sendable (String) -> Void
    let emit: @Sendable (BenchFigure) -> Void

    /// - Parameters:
    ///   - context: an opened, migrated and seeded (master data, `admin`) database.
    ///   - log: progress for people (stderr).
    ///   - emit: each figure as soon as it is measured.
    public init(
        context: ServiceContext, configuration: BenchConfiguration, metrics: PrometheusCollectorRegistry = .init(),
        serverLogger: Logger? = nil, log: @escaping @Sendable (String) -> Void, emit: @escaping @Sendable (BenchFigure) -> Void
    ) {
        self.context = context
        self.configuration = configuration
        self.metrics = metrics
        self.serverLogger = serverLogger ?? {
            var logger = Logger(label: "ticketwerk.bench")
            logger.logLevel = .warning
            return logger
        }()
        self.log = log
        self.emit = emit
    }

    var backend: String { context.database.dialect.rawValue }

    /// Seeds (unless reusing), then measures every figure; returns the figures it emitted.
    public func run() async throws -> [BenchFigure] {
        let figures = Mutex<[BenchFigure]>([])
        let emit = self.emit
        let record: @Sendable (BenchFigure) -> Void = { figure in
            figures.withLock { $0.append(figure) }
            emit(figure)
        }
        let showcase: Int64
        if configuration.reuse {
            showcase = try await seededShowcase()
        } else {
            showcase = try await seed(record)
        }
        if !configuration.seedOnly {
            try await measure(showcaseTicketID: showcase, record: record)
        }
        return figures.withLock { $0 }
    }

    // MARK: - Seeding

    private func seed(_ record: @Sendable (BenchFigure) -> Void) async throws -> Int64 {
        let total = configuration.tickets
        log("Seeding \(total) tickets on \(backend) …")
        let configuration = context.configuration
        let seeder = BulkTicketSeeder(database: context.database, options: .init(
            tickets: total, seed: self.configuration.seed, systemID: configuration.systemID, timeZone: configuration.timeZone,
            now: context.now(), batchSize: self.configuration.batchSize
        ))
        let clock = ContinuousClock()
        let started = clock.now
        let lastReport = Mutex(clock.now)
        let log = self.log
        let report = try await seeder.run { written in
            let now = clock.now
            let due = lastReport.withLock { last in
                guard now - last >= .seconds(5) || written == total else { return false }
                last = now
                return true
            }
            if due {
                let seconds = Self.seconds(now - started)
                log("  \(written)/\(total) tickets, \(Int(Double(written) / max(seconds, 0.001)))/s")
            }
        }
        try await context.database.transaction { db in
            try await Settings(db).set(BenchDatabase.ticketsKey, String(report.tickets))
            try await Settings(db).set(BenchDatabase.showcaseKey, String(report.showcaseTicketID))
        }
        log("Seeded \(report.tickets) tickets, \(report.articles) articles, \(report.contacts) contacts in \(Int(report.seconds)) s.")
        record(BenchFigure(
            name: "seed_rate", value: Double(report.tickets) / max(report.seconds, 0.001), unit: "tickets/s",
            tickets: try await ticketCount(), backend: backend, samples: report.tickets,
            note: "bulk seeder through the store (multi-row INSERTs), \(report.articles) articles"
        ))
        Self.releaseFreedHeap()
        return report.showcaseTicketID
    }

    private func seededShowcase() async throws -> Int64 {
        let value = try await context.database.read { db in try await Settings(db).value(BenchDatabase.showcaseKey) }
        guard let value, let id = Int64(value) else {
            throw BenchError.notSeeded("The database was not seeded by `ticketwerk bench`; seed it with --seed-only first.")
        }
        return id
    }

    // MARK: - Measuring

    private func measure(showcaseTicketID: Int64, record: @Sendable (BenchFigure) -> Void) async throws {
        let tickets = try await ticketCount()
        let (token, _) = try await AuthService(context: context).createToken(forLogin: "admin", name: "bench", by: .system)
        let services = WebServices(context: context, metrics: metrics)
        let server = try await InProcessServer.start(services: services, logger: serverLogger)
        let client = LoadClient(port: server.port, token: token, connections: max(configuration.clients, 1))
        let sampler = RSSSampler()
        log("Server listening on 127.0.0.1:\(server.port); measuring with \(tickets) tickets in the database.")
        do {
            sampler.start()
            let phases = configuration.phases
            if phases.contains(.open) { try await measureOpenTicket(showcaseTicketID, client: client, tickets: tickets, record: record) }
            if phases.contains(.queue) { try await measureQueueView(client: client, tickets: tickets, record: record) }
            if phases.contains(.search) { try await measureSearch(client: client, tickets: tickets, record: record) }
            if phases.contains(.create) { try await measureCreate(client: client, tickets: tickets, record: record) }
            if phases.contains(.mail) { try await measureMailIntake(services.mail, tickets: tickets, record: record) }
            if phases.contains(.cmdb) { try await measureCMDB(client: client, tickets: tickets, record: record) }
            if phases.contains(.pages) { try await measurePages(services: services, client: client, tickets: tickets, record: record) }
            let peak = await sampler.stop()
            let isLarge = tickets >= 1_000_000
            record(BenchFigure(
                name: "rss_under_load", value: Double(peak) / 1_048_576, unit: "MB", tickets: tickets, backend: backend,
                target: 300, better: .lower,
                note: "largest VmRSS of the bench process (server and clients) during the load phases"
                    + (isLarge ? "" : "; DESIGN.md's target is for 1M tickets")
            ))
        } catch {
            _ = await sampler.stop()
            try? await client.shutdown()
            try? await server.stop()
            throw error
        }
        try await client.shutdown()
        try await server.stop()
    }

    func requests(default value: Int) -> Int { max(configuration.requests ?? value, 1) }

    static func warmup(for count: Int) -> Int { max(5, min(100, count / 10)) }

    private func measureOpenTicket(_ id: Int64, client: LoadClient, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let count = requests(default: 2_000)
        let articles = try Self.items(in: try await client.send(.GET, "/api/v1/tickets/\(id)/articles"))
        log("Open ticket \(id) (\(articles) articles): \(count) times …")
        var samples = LatencySamples()
        let clock = ContinuousClock()
        for round in 0..<(Self.warmup(for: count) + count) {
            let started = clock.now
            try await client.send(.GET, "/api/v1/tickets/\(id)")
            try await client.send(.GET, "/api/v1/tickets/\(id)/articles")
            if round >= Self.warmup(for: count) { samples.add(clock.now - started) }
        }
        let note = "GET /api/v1/tickets/{id} then GET /api/v1/tickets/{id}/articles, one after the other, ticket with \(articles) articles"
        record(BenchFigure(name: "open_ticket_p50", value: samples.percentile(0.5), unit: "ms", tickets: tickets, backend: backend,
                           samples: samples.count, note: note))
        record(BenchFigure(name: "open_ticket_p99", value: samples.percentile(0.99), unit: "ms", tickets: tickets, backend: backend,
                           target: 5, better: .lower, p50: samples.percentile(0.5), samples: samples.count, note: note))
    }

    private func measureQueueView(client: LoadClient, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let count = requests(default: 2_000)
        let queues = try await context.database.read { db in try await Records<Queue>(db).all().filter(\.isActive).map(\.id) }
        log("Queue view over \(queues.count) queues: \(count) times …")
        var samples = LatencySamples()
        var rows = 0
        let clock = ContinuousClock()
        for round in 0..<(Self.warmup(for: count) + count) {
            let queue = queues[round % queues.count]
            let started = clock.now
            let body = try await client.send(.GET, "/api/v1/tickets?queueId=\(queue)&stateType=open&stateType=new&sort=escalation&limit=50")
            if round >= Self.warmup(for: count) {
                samples.add(clock.now - started)
                if round < Self.warmup(for: count) + queues.count { rows += try Self.items(in: body) }
            }
        }
        let isLarge = tickets >= 1_000_000
        record(BenchFigure(
            name: "queue_view_p99", value: samples.percentile(0.99), unit: "ms", tickets: tickets, backend: backend,
            target: 20, better: .lower, p50: samples.percentile(0.5), samples: samples.count,
            note: "GET /api/v1/tickets?queueId=Q&stateType=open&stateType=new&sort=escalation&limit=50, \(rows) rows over one round of "
                + "\(queues.count) queues, earliest SLA due time first"
                + (isLarge ? "" : "; DESIGN.md's target is for 1M tickets")
        ))
    }

    private func measureSearch(client: LoadClient, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let count = requests(default: 1_000)
        let warmup = Self.warmup(for: count)
        var random = SeededRandom(seed: configuration.seed ^ 0x5EA2_C11E5)
        let text = HelpDeskText()
        let queries = (0..<(warmup + count)).map { _ in text.searchQuery(&random) }
        log("Search: \(count) queries such as \"\(queries[0])\" …")
        var samples = LatencySamples()
        var withHits = 0
        let clock = ContinuousClock()
        for (round, query) in queries.enumerated() {
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            let started = clock.now
            let body = try await client.send(.GET, "/api/v1/tickets?q=\(encoded)&limit=50")
            if round >= warmup {
                samples.add(clock.now - started)
                if try Self.items(in: body) > 0 { withHits += 1 }
            }
        }
        let isLarge = tickets >= 1_000_000
        record(BenchFigure(
            name: "search_p95", value: samples.percentile(0.95), unit: "ms", tickets: tickets, backend: backend,
            target: 50, better: .lower, p50: samples.percentile(0.5), samples: samples.count,
            note: "GET /api/v1/tickets?q=WORDS&limit=50 (relevance order), 1-3 words from the seeded texts' word lists; "
                + "\(withHits * 100 / max(samples.count, 1)) % of queries found tickets"
                + (isLarge ? "" : "; DESIGN.md's target is for 1M tickets")
        ))
    }

    private func measureCreate(client: LoadClient, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let total = requests(default: 5_000)
        let clients = max(configuration.clients, 1)
        let payloads = try await createPayloads()
        log("Create: \(total) tickets from \(clients) concurrent clients …")
        let clock = ContinuousClock()
        let warmup = Self.warmup(for: total)
        _ = try await createConcurrently(warmup, clients: clients, payloads: payloads, client: client)
        let started = clock.now
        let cpu = MachineCPU.now()
        let samples = try await createConcurrently(total, clients: clients, payloads: payloads, client: client)
        let seconds = Self.seconds(clock.now - started)
        let cpuPerCreate = MachineCPU.now().millisecondsPerOperation(since: cpu, operations: total)
        let target: Double = context.database.dialect == .postgres ? 800 : 1_500
        record(BenchFigure(
            name: "create_rest_throughput", value: Double(total) / max(seconds, 0.000_001), unit: "tickets/s", tickets: tickets,
            backend: backend, target: target, better: .higher, samples: total,
            note: "POST /api/v1/tickets with a ~1 KB first article from \(clients) concurrent clients; latency p50 "
                + "\(BenchFigure.round(samples.percentile(0.5))) ms, p99 \(BenchFigure.round(samples.percentile(0.99))) ms"
                + (cpuPerCreate.map { "; machine CPU \(BenchFigure.round($0)) ms per ticket" } ?? "")
        ))
    }

    /// Creates `count` tickets from `clients` concurrent clients; returns their latencies.
    private func createConcurrently(_ count: Int, clients: Int, payloads: [ByteBuffer], client: LoadClient) async throws -> LatencySamples {
        let next = Counter()
        return try await withThrowingTaskGroup(of: LatencySamples.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var samples = LatencySamples()
                    let clock = ContinuousClock()
                    while true {
                        let index = next.increment()
                        guard index < count else { break }
                        let started = clock.now
                        try await client.send(.POST, "/api/v1/tickets", json: payloads[index % payloads.count], expect: .created)
                        samples.add(clock.now - started)
                    }
                    return samples
                }
            }
            var all = LatencySamples()
            for try await samples in group { all.add(contentsOf: samples) }
            return all
        }
    }

    /// Request bodies for new tickets: seeded texts, existing contacts as customers, the queues by name.
    private func createPayloads() async throws -> [ByteBuffer] {
        let (queues, emails) = try await context.database.read { db in
            let queues = try await Records<Queue>(db).all().filter(\.isActive).map(\.name)
            let emails = try await db.raw("SELECT email FROM contact_emails ORDER BY contact_id LIMIT 1000").all()
                .map { try $0.decode(column: "email", as: String.self) }
            return (queues, emails)
        }
        var random = SeededRandom(seed: configuration.seed ^ 0xC4EA7E)
        let text = HelpDeskText()
        return try (0..<256).map { _ in
            let voice = text.voice(for: text.person(&random), &random)
            let title = text.title(voice, &random)
            var json: [String: Any] = [
                "title": title, "queue": random.pick(queues),
                "article": ["subject": title, "body": text.longMessage(voice, minimumLength: 1_000, &random)],
            ]
            if !emails.isEmpty { json["customer"] = random.pick(emails) }
            return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
    }

    private func ticketCount() async throws -> Int {
        try await context.database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM tickets").first()?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }

    /// The number of entries in a list response's `items`.
    static func items(in body: ByteBuffer) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        guard let items = object?["items"] as? [Any] else { throw BenchError.unexpectedResponse("A list response without items.") }
        return items.count
    }

    /// Hands freed heap memory back to the system (glibc's `malloc_trim`), so that RSS under load measures the
    /// server rather than what seeding in the same process left behind.
    static func releaseFreedHeap() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// A shared counter handing out request numbers to concurrent clients.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next number, starting at 0.
    func increment() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
