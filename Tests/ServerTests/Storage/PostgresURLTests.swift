import Foundation
import Logging
@testable import Store
import Testing

/// PostgreSQL URLs as libpq reads them: TCP, or the Unix socket of a server on the same machine.
@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test("TCP: host, port, user, password, database and TLS mode")
    func tcp() throws {
        let configuration = try PostgresURL.configuration("postgres://tw:geheim@db.stadt.example:6432/ticketwerk?sslmode=require")
        #expect(configuration.host == "db.stadt.example")
        #expect(configuration.port == 6432)
        #expect(configuration.username == "tw")
        #expect(configuration.password == "geheim")
        #expect(configuration.database == "ticketwerk")
        #expect(configuration.unixSocketPath == nil)
        #expect(try PostgresURL.configuration("postgresql://tw@localhost/ticketwerk").port == 5432)
    }

    @Test("a socket directory as `host` parameter or percent-encoded host names the socket file by port")
    func socket() throws {
        let byParameter = try PostgresURL.configuration("postgres://tw:geheim@/ticketwerk?host=/run/postgresql&port=5433")
        #expect(byParameter.unixSocketPath == "/run/postgresql/.s.PGSQL.5433")
        #expect(byParameter.database == "ticketwerk")
        #expect(byParameter.username == "tw")
        let byHost = try PostgresURL.configuration("postgres://tw@%2Frun%2Fpostgresql/ticketwerk")
        #expect(byHost.unixSocketPath == "/run/postgresql/.s.PGSQL.5432")
    }

    @Test("other schemes and URLs without a server are refused", arguments: ["mysql://tw@db/ticketwerk", "postgres:///ticketwerk", "kein url"])
    func refused(url: String) {
        #expect(throws: DatabaseURLError.self) { try PostgresURL.configuration(url) }
    }

    @Test("the test server through its socket: migrated and read like over TCP",
          .enabled(if: ProcessInfo.processInfo.environment["TICKETWERK_TEST_POSTGRES_SOCKET_DIR"] != nil))
    func throughSocket() async throws {
        let directory = try #require(ProcessInfo.processInfo.environment["TICKETWERK_TEST_POSTGRES_SOCKET_DIR"])
        try await TestBackend.postgres.withDatabase { location in
            guard case .postgres(let url) = location, var components = URLComponents(string: url) else { return }
            let port = components.port ?? 5432
            components.host = nil
            components.port = nil
            components.queryItems = [URLQueryItem(name: "host", value: directory), URLQueryItem(name: "port", value: String(port))]
            let database = try await Database.open(.postgres(url: try #require(components.string)), logger: Logger(label: "test"))
            try await Migrator(database: database).migrate()
            let counters = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM counters").first()?.decode(column: "n", as: Int64.self)
            }
            #expect(counters == 0)
            await database.close()
        }
    }
}
