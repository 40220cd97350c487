import ArgumentParser
import Domain
import Foundation
import Logging
import Services

/// `ticketwerk user create`: create an agent or administrator from the shell.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an agent; the password comes from TICKETWERK_USER_PASSWORD or stdin.")

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: "Login name.")
        var login: String

        @Flag(help: "Make the user an administrator.")
        var admin = false

        func run() async throws {
            let password = ProcessInfo.processInfo.environment["TICKETWERK_USER_PASSWORD"] ?? readLine(strippingNewline: true)
            let context = try await databaseOptions.openContext(logger: Logger(label: "ticketwerk"))
            do {
                let user = try await UserService(context: context).create(NewUser(login: login, password: password, isAdmin: admin), by: .system)
                print(user.id)
            } catch let error as DomainError {
                await context.database.close()
                throw ValidationError(error.message)
            }
            await context.database.close()
        }
    }
}
