import Domain
import Foundation
import NIOCore
import Services
import Store
import Web

/// The web interface's figures: `dashboard_page_p99` (an agent's dashboard, rendered server-side),
/// `queue_page_p99` (the ticket list of one queue, 50 rows by escalation time) and `ui_assets_size`
/// (the stylesheet and script every page loads).
extension BenchRunner {
    func measurePages(services: WebServices, client: LoadClient, tickets: Int, record: @Sendable (BenchFigure) -> Void) async throws {
        let cookie = try await benchSession(services)
        let count = requests(default: 500)
        let queues = try await context.database.read { db in try await Records<Queue>(db).all().filter(\.isActive).map(\.id) }
        let isLarge = tickets >= 1_000_000
        let scale = isLarge ? "" : "; the target is for 1M tickets"
        for (name, paths) in [
            ("dashboard_page_p99", ["/agent/"]),
            ("queue_page_p99", queues.map { "/agent/tickets?queue=\($0)&sort=escalation" }),
        ] {
            log("Page \(paths[0]) …: \(count) times …")
            var samples = LatencySamples()
            var bytes = 0
            let clock = ContinuousClock()
            for round in 0..<(Self.warmup(for: count) + count) {
                let started = clock.now
                let body = try await client.send(.GET, paths[round % paths.count], cookie: cookie)
                if round >= Self.warmup(for: count) {
                    samples.add(clock.now - started)
                    bytes = max(bytes, body.readableBytes)
                }
            }
            record(BenchFigure(
                name: name, value: samples.percentile(0.99), unit: "ms", tickets: tickets, backend: backend, target: 50, better: .lower,
                p50: samples.percentile(0.5), samples: samples.count,
                note: "GET \(paths.count == 1 ? paths[0] : "/agent/tickets?queue=Q&sort=escalation over \(paths.count) queues") as the "
                    + "administrator `bench.pages` (every queue), whole HTML page rendered server-side, largest \(bytes / 1024) KB" + scale
            ))
        }
        var assets = 0
        for path in ["/static/app.css", "/static/app.js"] { assets += try await client.send(.GET, path).readableBytes }
        record(BenchFigure(
            name: "ui_assets_size", value: Double(assets) / 1024, unit: "KB", tickets: tickets, backend: backend, target: 100, better: .lower,
            note: "app.css + app.js, uncompressed: everything a page loads besides its HTML"
        ))
    }

    /// A browser session, as the `tw_session` cookie, of the administrator `bench.pages` (created on first use;
    /// a fresh random password each run, since none is kept).
    private func benchSession(_ services: WebServices) async throws -> String {
        let login = "bench.pages"
        let password = Secrets.newToken(prefix: "bench-")
        if let user = try await context.database.read({ db in try await UserRepository(db).find(login: login) }) {
            try await services.users.setPassword(of: user.id, current: nil, new: password, by: Principal.system)
        } else {
            _ = try await services.users.create(NewUser(login: login, password: password, isAgent: true, isAdmin: true), by: Principal.system)
        }
        let grant = try await services.auth.signIn(login: login, password: password, totpCode: nil)
        return "tw_session=\(grant.sessionToken)"
    }
}
