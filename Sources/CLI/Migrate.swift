import ArgumentParser
import Logging
import Store

/// `ticketwerk migrate`: apply pending schema migrations and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let database = try await Database.open(databaseOptions.location, logger: Logger(label: "ticketwerk"))
        let applied = try await Migrator(database: database).migrate()
        print("Applied \(applied) migration(s); schema version \(Migrator.latest).")
        await database.close()
    }
}
