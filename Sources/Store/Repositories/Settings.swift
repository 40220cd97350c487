import SQLKit

/// Installation-wide key/value settings (system id, instance secrets).
public struct Settings: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func value(_ key: String) async throws -> String? {
        try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.string("value")
    }

    public func set(_ key: String, _ value: String) async throws {
        try await db.raw("""
            INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """).run()
    }
}
