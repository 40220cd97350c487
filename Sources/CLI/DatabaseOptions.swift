import ArgumentParser
import Foundation
import Logging
import Services
import Store

/// `--data DIR` / `--database URL`, shared by every subcommand that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Directory for the embedded SQLite database (default: ./data).")
    var data: String?

    @Option(help: "PostgreSQL URL (postgres://user:password@host:port/db); overrides --data. Also TICKETWERK_DATABASE_URL.")
    var database: String?

    var location: Database.Location {
        if let url = database ?? ProcessInfo.processInfo.environment["TICKETWERK_DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url)
        }
        return .sqlite(path: Self.sqlitePath(inDirectory: data ?? "./data"))
    }

    /// Whether the command line or the environment names a database (rather than leaving the default).
    var isDatabaseGiven: Bool {
        data != nil || database != nil || !(ProcessInfo.processInfo.environment["TICKETWERK_DATABASE_URL"] ?? "").isEmpty
    }

    /// The SQLite file inside a data directory.
    static func sqlitePath(inDirectory directory: String) -> String {
        (directory as NSString).appendingPathComponent("ticketwerk.sqlite")
    }

    /// Opens and migrates the database and seeds it on first use; prints a generated admin password once.
    func openContext(logger: Logger, configuration: ServiceContext.Configuration = .init()) async throws -> ServiceContext {
        let database = try await Database.open(location, logger: logger)
        try await Migrator(database: database).migrate()
        let context = ServiceContext(database: database, logger: logger, configuration: configuration)
        let password = ProcessInfo.processInfo.environment["TICKETWERK_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let generated = try await Seeder(context: context).seedIfEmpty(adminPassword: password) {
            FileHandle.standardError.write(Data("Created agent 'admin' with password: \(generated)\n(shown once; change it after signing in)\n".utf8))
        }
        return context
    }
}
