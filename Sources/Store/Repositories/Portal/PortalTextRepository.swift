import Domain
import Foundation
import SQLKit

/// The portal's own mail texts (those an administrator wrote; the defaults live in `PortalText.defaults`) and
/// its settings.
public struct PortalTextRepository: Sendable {
    static let settingsKey = "portal.settings"

    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func texts() async throws -> [PortalText] {
        try await db.raw("SELECT * FROM portal_texts ORDER BY kind, language").all().map { row in
            PortalText(kind: try row.enumeration("kind"), language: try row.string("language"), subject: try row.string("subject"), body: try row.string("body"))
        }
    }

    /// Replaces every stored text.
    public func replace(with texts: [PortalText]) async throws {
        try await db.raw("DELETE FROM portal_texts").run()
        for text in texts {
            try await db.raw("""
                INSERT INTO portal_texts (kind, language, subject, body)
                VALUES (\(bind: text.kind.rawValue), \(bind: text.language), \(bind: text.subject), \(bind: text.body))
                """).run()
        }
    }

    /// The stored settings, or the defaults.
    public func settings() async throws -> PortalSettings {
        guard let json = try await Settings(db).value(Self.settingsKey) else { return PortalSettings() }
        return try JSONDecoder().decode(PortalSettings.self, from: Data(json.utf8))
    }

    public func save(_ settings: PortalSettings) async throws {
        try await Settings(db).set(Self.settingsKey, String(decoding: try JSONEncoder().encode(settings), as: UTF8.self))
    }
}
