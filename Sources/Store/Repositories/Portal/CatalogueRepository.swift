import Domain
import Foundation
import SQLKit

/// The catalogue's categories. The catalogue is small (hundreds of entries), so it is read whole and filtered
/// and searched in memory by the service.
public struct CatalogueRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [CatalogueCategory] {
        try await db.raw("SELECT * FROM portal_categories ORDER BY sort_order, id").all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> CatalogueCategory? {
        try await db.raw("SELECT * FROM portal_categories WHERE id = \(bind: id)").first().map(Self.decode)
    }

    /// Inserts a category; returns it with its id and version 1.
    public func insert(_ category: CatalogueCategory) async throws -> CatalogueCategory {
        let row = try await db.raw("""
            INSERT INTO portal_categories (parent_id, title_de, title_en, description_de, description_en, icon, keywords, sort_order,
                is_active, visibility, organisation_ids, form_id, version, created_at, changed_at)
            VALUES (\(bind: category.parentID), \(bind: category.titleDE), \(bind: category.titleEN), \(bind: category.descriptionDE),
                \(bind: category.descriptionEN), \(bind: category.icon), \(bind: jsonArray(category.keywords)), \(bind: category.sortOrder),
                \(bind: category.isActive), \(bind: category.visibility.rawValue), \(bind: jsonArray(category.organisationIDs.map(String.init))),
                \(bind: category.formID), 1, \(bind: category.createdAt.millis), \(bind: category.changedAt.millis))
            RETURNING id
            """).first()
        var stored = category
        stored.id = try row?.int64("id") ?? 0
        stored.version = 1
        return stored
    }

    /// Stores `category` if its stored version is still `category.version`; returns the new version, nil when stale.
    public func update(_ category: CatalogueCategory) async throws -> Int64? {
        try await db.raw("""
            UPDATE portal_categories SET parent_id = \(bind: category.parentID), title_de = \(bind: category.titleDE),
                title_en = \(bind: category.titleEN), description_de = \(bind: category.descriptionDE),
                description_en = \(bind: category.descriptionEN), icon = \(bind: category.icon), keywords = \(bind: jsonArray(category.keywords)),
                sort_order = \(bind: category.sortOrder), is_active = \(bind: category.isActive), visibility = \(bind: category.visibility.rawValue),
                organisation_ids = \(bind: jsonArray(category.organisationIDs.map(String.init))), form_id = \(bind: category.formID),
                version = version + 1, changed_at = \(bind: category.changedAt.millis)
            WHERE id = \(bind: category.id) AND version = \(bind: category.version)
            RETURNING version
            """).first()?.int64("version")
    }

    static func decode(_ row: any SQLRow) throws -> CatalogueCategory {
        CatalogueCategory(
            id: try row.int64("id"), parentID: try row.int64OrNil("parent_id"), titleDE: try row.string("title_de"),
            titleEN: try row.string("title_en"), descriptionDE: try row.stringOrNil("description_de"),
            descriptionEN: try row.stringOrNil("description_en"), icon: try row.stringOrNil("icon"), keywords: try row.stringArray("keywords"),
            sortOrder: Int(try row.int64("sort_order")), isActive: try row.bool("is_active"), visibility: try row.enumeration("visibility"),
            organisationIDs: try row.stringArray("organisation_ids").compactMap { Int64($0) }, formID: try row.int64OrNil("form_id"),
            version: try row.int64("version"), createdAt: try row.date("created_at"), changedAt: try row.date("changed_at")
        )
    }
}
