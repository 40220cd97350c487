import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Services
import Web
import Workers

/// `ticketwerk serve`: migrate, seed, and run the HTTP server and the background workers until SIGTERM/SIGINT,
/// finishing in-flight requests.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP server (REST API and web interface).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @OptionGroup var smtpOptions: SMTPOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Most automatic answers one address gets per day (loop protection).")
    var autoResponseCap = 10

    @Option(help: ArgumentHelp(
        "A reverse proxy (address or CIDR range) whose X-Forwarded-For names the client; repeatable (TICKETWERK_TRUSTED_PROXIES, comma-separated).",
        valueName: "CIDR"
    ))
    var trustedProxy: [String] = []

    @Flag(help: "Seed the demo service catalogue (once; a second start changes nothing).")
    var demo = false

    func run() async throws {
        let proxies = try trustedProxies()
        var logger = Logger(label: "ticketwerk")
        logger.logLevel = .info
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var configuration = ServiceContext.Configuration()
        configuration.smtp = try smtpOptions.settings()
        configuration.autoResponseDailyCap = max(0, autoResponseCap)
        let context = try await databaseOptions.openContext(logger: logger, configuration: configuration)
        if let smtp = configuration.smtp { logger.info("outgoing mail", metadata: ["smtp": "\(smtp)"]) }
        let cache = MasterDataCache()
        if demo, try await DemoCatalogue(context: context, masterData: cache).seedIfAbsent() {
            logger.info("seeded the demo service catalogue")
        }
        let services = WebServices(context: context, cache: cache, metrics: registry)
        let settings = ServerSettings(host: host, port: port, trustedProxies: proxies)
        let app = try buildApplication(services: services, settings: settings, logger: logger)
        let workers = WorkerPool(jobs: try backgroundJobs(context: context, masterData: cache), logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: workers)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        do {
            try await group.run()
        } catch {
            await context.database.close()
            throw error
        }
        await context.database.close()
    }

    /// `--trusted-proxy`, else `TICKETWERK_TRUSTED_PROXIES`.
    private func trustedProxies() throws -> TrustedProxies {
        let ranges = trustedProxy.isEmpty
            ? (ProcessInfo.processInfo.environment["TICKETWERK_TRUSTED_PROXIES"] ?? "").split(separator: ",").map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            : trustedProxy
        do {
            return try TrustedProxies(ranges)
        } catch {
            throw ValidationError("--trusted-proxy: \(error)")
        }
    }
}
