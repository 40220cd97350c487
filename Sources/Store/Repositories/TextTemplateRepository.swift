import Domain
import Foundation
import SQLKit

/// Text templates, by name.
public struct TextTemplateRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Every template, ordered by name.
    public func all() async throws -> [TextTemplate] {
        try await db.raw("SELECT * FROM text_templates ORDER BY name_key, id").all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> TextTemplate? {
        try await db.raw("SELECT * FROM text_templates WHERE id = \(bind: id)").first().map(Self.decode)
    }

    public func nameExists(_ name: String, except id: Int64) async throws -> Bool {
        try await db.raw("SELECT 1 AS x FROM text_templates WHERE name_key = \(bind: name.lowercased()) AND id <> \(bind: id)").first() != nil
    }

    public func insert(_ template: TextTemplate) async throws -> Int64 {
        let row = try await db.raw("""
            INSERT INTO text_templates (name, name_key, text_de, text_en, queue_id, is_active, created_at, changed_at)
            VALUES (\(bind: template.name), \(bind: template.name.lowercased()), \(bind: template.textDE), \(bind: template.textEN),
                \(bind: template.queueID), \(bind: template.isActive), \(bind: template.createdAt.millis), \(bind: template.changedAt.millis))
            RETURNING id
            """).first()
        return try row?.int64("id") ?? 0
    }

    public func update(_ template: TextTemplate) async throws {
        try await db.raw("""
            UPDATE text_templates SET name = \(bind: template.name), name_key = \(bind: template.name.lowercased()),
                text_de = \(bind: template.textDE), text_en = \(bind: template.textEN), queue_id = \(bind: template.queueID),
                is_active = \(bind: template.isActive), changed_at = \(bind: template.changedAt.millis)
            WHERE id = \(bind: template.id)
            """).run()
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM text_templates WHERE id = \(bind: id)").run()
    }

    private static func decode(_ row: any SQLRow) throws -> TextTemplate {
        TextTemplate(
            id: try row.int64("id"), name: try row.string("name"), textDE: try row.stringOrNil("text_de"), textEN: try row.stringOrNil("text_en"),
            queueID: try row.int64OrNil("queue_id"), isActive: try row.bool("is_active"), createdAt: try row.date("created_at"),
            changedAt: try row.date("changed_at")
        )
    }
}
