import ArgumentParser
import Domain
import Logging
import Services

/// `ticketwerk token create --user NAME`: prints one new API token on stdout.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token and print it.")

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: "Login of the user the token acts as.")
        var user: String

        @Option(help: "A name to recognise the token by.")
        var name = "cli"

        func run() async throws {
            let context = try await databaseOptions.openContext(logger: Logger(label: "ticketwerk"))
            do {
                let (token, _) = try await AuthService(context: context).createToken(forLogin: user, name: name, by: .system)
                print(token)
            } catch let error as DomainError {
                await context.database.close()
                throw ValidationError(error.message)
            }
            await context.database.close()
        }
    }
}
