import Foundation
import PostgresKit

/// A PostgreSQL URL as a connection configuration, written as libpq reads it: over TCP,
/// `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`; through the Unix socket of a server
/// on the same machine, `postgres://user:password@/database?host=/run/postgresql&port=5432` (or the directory
/// percent-encoded as the host, `postgres://user@%2Frun%2Fpostgresql:5432/database`), the port naming the socket file
/// `.s.PGSQL.PORT`.
/// A socket spares both sides the TCP stack on every round trip.
enum PostgresURL {
    static func configuration(_ url: String) throws(DatabaseURLError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw DatabaseURLError(url: url)
        }
        let query = components.queryItems ?? []
        let host = query.first { $0.name == "host" }?.value ?? components.host ?? ""
        let port = components.port ?? query.first { $0.name == "port" }?.value.flatMap { Int($0) } ?? 5432
        let username = components.user ?? "postgres"
        let database = String(components.path.drop { $0 == "/" })
        if host.hasPrefix("/") {
            return PostgresClient.Configuration(
                unixSocketPath: host + "/.s.PGSQL.\(port)", username: username, password: components.password,
                database: database.isEmpty ? nil : database
            )
        }
        guard !host.isEmpty else { throw DatabaseURLError(url: url) }
        let tls: PostgresClient.Configuration.TLS = switch query.first(where: { $0.name == "sslmode" })?.value ?? "disable" {
        case "require": .require(.makeClientConfiguration())
        case "prefer": .prefer(.makeClientConfiguration())
        default: .disable
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: components.password,
            database: database.isEmpty ? nil : database, tls: tls
        )
    }
}
