import ArgumentParser
import Domain
import Foundation
import Logging
import Services

/// `ticketwerk mailgate [--queue NAME]`: files one message from standard input, for an MTA pipe.
///
/// Exit status, as MTAs read it: 0 only after the message is committed; 65 (EX_DATAERR) for a message that
/// can never be accepted (too large), so the MTA bounces it; 75 (EX_TEMPFAIL) for everything else — the
/// database unreachable, say — so the MTA keeps the message and retries. Nothing is ever dropped.
struct Mailgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "File one RFC 5322 message from standard input (for an MTA pipe).")

    static let temporaryFailure: Int32 = 75
    static let dataError: Int32 = 65

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Queue for new tickets when no queue's system address matches the recipients.")
    var queue: String?

    func run() async throws {
        var logger = Logger(label: "ticketwerk.mailgate")
        logger.logLevel = .warning
        let raw = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let context: ServiceContext
        do {
            context = try await databaseOptions.openContext(logger: logger)
        } catch {
            logger.error("Database unavailable; the MTA should retry", metadata: ["error": "\(error)"])
            throw ExitCode(Self.temporaryFailure)
        }
        let masterData = MasterDataCache()
        let intake = MailIntake(context: context, tickets: TicketService(context: context, masterData: masterData), masterData: masterData)
        do {
            let result = try await intake.ingest(raw, queue: queue)
            print("\(result.outcome.rawValue) \(result.number ?? "")")
            await context.database.close()
        } catch let error as DomainError {
            await context.database.close()
            logger.error("Message not accepted", metadata: ["error": "\(error.message)"])
            if case .tooLarge = error { throw ExitCode(Self.dataError) }
            throw ExitCode(Self.temporaryFailure)
        } catch {
            await context.database.close()
            logger.error("Message not accepted; the MTA should retry", metadata: ["error": "\(error)"])
            throw ExitCode(Self.temporaryFailure)
        }
    }
}
