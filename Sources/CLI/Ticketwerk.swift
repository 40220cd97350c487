import ArgumentParser
import NIOCore
import NIOPosix

/// The `ticketwerk` command: server, migrations, mail gateway, tokens, users and the benchmark.
@main
struct Ticketwerk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticketwerk",
        abstract: "Ticketwerk IT service management.",
        subcommands: [Serve.self, Migrate.self, Mailgate.self, TokenCommand.self, UserCommand.self, ImportCommand.self, Bench.self]
    )

    /// Runs Swift concurrency's jobs on the NIO event loops that also serve HTTP and PostgreSQL, instead of on a
    /// thread pool of their own: a request then resumes on the loop its database answer arrived on, without a hop
    /// between threads (about 9 % more ticket creations per second on PostgreSQL, docs/performance.md change 24).
    /// Blocking work stays off these threads as before: SQLite and bcrypt run on threads of their own.
    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}
