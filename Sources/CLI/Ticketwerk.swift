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

    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}
