import ArgumentParser
import Domain
import Foundation
import Logging
import Services

/// `ticketwerk import cmdb --class Computer file.csv`: import configuration items from the shell.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from files.", subcommands: [CMDB.self])

    struct CMDB: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cmdb",
            abstract: "Import configuration items of one class from CSV or JSON.",
            discussion: """
                Column headers name attributes by key or label (German or English, any case) or item fields (name, \
                deploymentState, ...). Existing items are found by a unique attribute and updated, so running the same \
                file again changes nothing. Any bad row stops the whole import; --dry-run only reports.
                """
        )

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(name: .customLong("class"), help: "The class of the items (German or English name).")
        var className: String

        @Argument(help: "The file to import (.csv, or .json for an array of objects).")
        var file: String

        @Flag(help: "Check every row and report, but write nothing.")
        var dryRun = false

        @Option(help: "The unique attribute that identifies existing items (default: the first unique attribute among the columns).")
        var upsertBy: String?

        @Option(help: "A column mapping HEADER=KEY for a header that names no attribute; repeatable.")
        var map: [String] = []

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("Cannot read \(file).") }
            var mapping: [String: String] = [:]
            for entry in map {
                guard let equals = entry.firstIndex(of: "=") else { throw ValidationError("--map takes HEADER=KEY, not '\(entry)'.") }
                mapping[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
            }
            let format: ConfigItemImportRequest.Format = file.lowercased().hasSuffix(".json") ? .json : .csv
            let request = ConfigItemImportRequest(
                class: className, format: format, contentBase64: data.base64EncodedString(), dryRun: dryRun, upsertBy: upsertBy,
                mapping: mapping.isEmpty ? nil : mapping
            )
            let context = try await databaseOptions.openContext(logger: Logger(label: "ticketwerk"))
            let outcome: Result<ConfigItemImportReport, any Error>
            do {
                outcome = .success(try await ConfigItemService(context: context).importItems(request, by: .system))
            } catch {
                outcome = .failure(error)
            }
            await context.database.close()
            switch outcome {
            case .success(let report):
                for error in report.errors {
                    FileHandle.standardError.write(Data("row \(error.row): \(error.field): \(error.message)\n".utf8))
                }
                print("\(report.dryRun ? "dry run: " : "")\(report.rows) rows, \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged, \(report.errors.count) errors")
                if !report.errors.isEmpty { throw ExitCode(65) }
            case .failure(DomainError.invalid(let message, let issues)):
                let lines = issues.map { "\($0.field): \($0.message)" } + [message]
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(65)
            case .failure(let error as DomainError):
                throw ValidationError(error.message)
            case .failure(let error):
                throw error
            }
        }
    }
}
