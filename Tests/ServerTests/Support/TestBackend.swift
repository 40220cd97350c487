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

    /// Runs `body` with a fresh, empty database and removes it afterwards, whether `body` throws or not.
    ///
    /// At most `PostgresSlots.limit` PostgreSQL tests hold a database at once: each opens two connection pools and
    /// migrates a database of its own, and a hundred of them starting together on two cores took longer than a
    /// connection may take to answer.
    func withDatabase<T: Sendable>(_ body: @Sendable (Database.Location) async throws -> T) async throws -> T {
        if self == .postgres { await PostgresSlots.shared.acquire() }
        let (location, cleanup) = try await makeDatabase()
        do {
            let result = try await body(location)
            await cleanup()
            if self == .postgres { await PostgresSlots.shared.release() }
            return result
        } catch {
            await cleanup()
            if self == .postgres { await PostgresSlots.shared.release() }
            throw error
        }
    }

    /// A fresh, empty database for one test, and a function that removes it afterwards.
    private func makeDatabase() async throws -> (location: Database.Location, cleanup: @Sendable () async -> Void) {
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

/// A counting semaphore for the PostgreSQL tests' databases.
actor PostgresSlots {
    static let limit = 16
    static let shared = PostgresSlots()

    private var free = limit
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard free == 0 else {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

enum TestSetupError: Error {
    case noPostgres
    case unexpected(String)
}
