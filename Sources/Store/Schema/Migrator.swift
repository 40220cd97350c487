import Foundation
import SQLKit

/// Applies pending migrations in order, each in its own transaction, recording them in `schema_migrations`.
///
/// Safe with several processes starting at once on PostgreSQL: an advisory lock serialises them.
public struct Migrator: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let all: [Migration] = [
        CoreSchema.migration, SearchSchema.migration, TOTPEnrolmentSchema.migration, CustomerSearchSchema.migration, SLASchema.migration,
        OutboxSchema.migration, AutoResponseSchema.migration, MailAccountSchema.migration, MailFilterSchema.migration,
        CMDBSchema.migration, AdminChangeLogSchema.migration, TextTemplateSchema.migration, TicketViewSchema.migration,
        EscalationIndexSchema.migration, PortalSchema.migration, RoleRightsSchema.migration, SearchWindowSchema.migration,
        AttributeStatisticsSchema.migration,
        RecordVersionSchema.migration, TextVersionSchema.migration, CMDBSearchSerialSchema.migration,
        SearchBlockSchema.migration, EventOrderSchema.migration,
    ]

    /// The id of the newest migration this build knows.
    public static var latest: Int { all.map(\.id).max() ?? 0 }

    /// Applies every migration not yet applied; returns how many ran.
    @discardableResult
    public func migrate() async throws -> Int {
        let dialect = database.dialect
        return try await database.transaction { db in
            if dialect == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(7301001)").run()
            }
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)").run()
            let applied = Set(try await db.raw("SELECT id FROM schema_migrations").all().map { try $0.decode(column: "id", as: Int.self) })
            var count = 0
            for migration in Self.all.sorted(by: { $0.id < $1.id }) where !applied.contains(migration.id) {
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(dialect.expand(statement))).run()
                }
                try await db.raw("INSERT INTO schema_migrations (id, name, applied_at) VALUES (\(bind: migration.id), \(bind: migration.name), \(bind: Date().millis))").run()
                count += 1
            }
            return count
        }
    }

    /// The id of the newest applied migration, or 0 when none is.
    public func currentVersion() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT MAX(id) AS id FROM schema_migrations").first()?.decode(column: "id", as: Int?.self) ?? 0
        }
    }
}
