import Domain
import Foundation
import SQLKit

/// The installation's `SLAConfiguration`, kept as one JSON setting so that the ordered bindings change together.
public struct SLAConfigurationStore: Sendable {
    static let key = "sla.configuration"
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The stored configuration; an empty one (no bindings, Saxony's week) when none was saved.
    public func load() async throws -> SLAConfiguration {
        guard let text = try await Settings(db).value(Self.key) else { return SLAConfiguration() }
        return try JSONDecoder().decode(SLAConfiguration.self, from: Data(text.utf8))
    }

    public func save(_ configuration: SLAConfiguration) async throws {
        try await Settings(db).set(Self.key, String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self))
    }
}
