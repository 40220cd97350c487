import Foundation
import Logging
import Store
import Testing

/// The database engines the integration tests run against: SQLite always, PostgreSQL when
/// `TICKETWERK_TEST_POSTGRES` names a server (the test command starts one).
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var available: [TestBackend] {
        ProcessInfo.processInfo.environment["TICKETWERK_TEST_POSTGRES"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    /// A fresh, empty database for one test, and a function that removes it afterwards.
    func makeDatabase() async throws -> (location: Database.Location, cleanup: @Sendable () async -> Void) {
        let name = "tw_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return (.sqlite(path: directory + "/ticketwerk.sqlite"), { try? FileManager.default.removeItem(atPath: directory) })
        case .postgres:
            guard let serverURL = ProcessInfo.processInfo.environment["TICKETWERK_TEST_POSTGRES"],
                  var components = URLComponents(string: serverURL) else { throw TestSetupError.noPostgres }
            let admin = try await Database.open(.postgres(url: serverURL), logger: Logger(label: "test"))
            try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await admin.close()
            components.path = "/" + name
            let url = components.string ?? serverURL
            return (.postgres(url: url), {
                guard let admin = try? await Database.open(.postgres(url: serverURL), logger: Logger(label: "test")) else { return }
                _ = try? await admin.read { db in try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
                await admin.close()
            })
        }
    }
}

enum TestSetupError: Error {
    case noPostgres
    case unexpected(String)
}
