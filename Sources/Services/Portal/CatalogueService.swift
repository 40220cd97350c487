import Domain
import Foundation
import SQLKit
import Store

/// The service catalogue: browse and search what the caller may see (citizens without an account included), and
/// its administration with versions (`If-Match`) and an event per change.
public struct CatalogueService: Sendable {
    static let maximumQueryLength = 200

    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    /// The categories `principal` (nil: a citizen) sees — those visible with all their ancestors — in tree order
    /// by sort order; with `query`, those matching every word of it in a title, a description or a keyword
    /// (case- and accent-insensitive).
    public func categories(matching query: String?, for principal: Principal?) async throws -> [CatalogueCategory] {
        if let query, query.count > Self.maximumQueryLength {
            throw DomainError.invalid(FieldIssue(field: "q", .tooLong(max: Self.maximumQueryLength)))
        }
        let all = try await context.database.read { db in try await CatalogueRepository(db).all() }
        let visible = Self.visible(all, to: principal)
        guard let query, !query.trimmingCharacters(in: .whitespaces).isEmpty else { return visible }
        return visible.filter { $0.matches(query) }
    }

    /// A category the caller sees, with its form as requesters see it.
    public func entry(_ id: Int64, for principal: Principal?) async throws -> CatalogueEntry {
        try await context.database.read { db in
            let category = try await Self.visibleCategory(id, for: principal, db: db)
            guard let formID = category.formID, let record = try await RequestFormRepository(db).find(formID) else {
                return CatalogueEntry(category: category, form: nil)
            }
            let fields = try await FieldRepository(db).definitions(for: .ticket).filter(\.customerVisible)
            return CatalogueEntry(category: category, form: RenderedForm(record, fields: fields))
        }
    }

    /// Creates a category (administrators).
    public func create(_ input: CategoryInput, by principal: Principal) async throws -> CatalogueCategory {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        let category = CatalogueCategory(
            parentID: input.parentId, titleDE: input.titleDE.trimmingCharacters(in: .whitespacesAndNewlines),
            titleEN: input.titleEN.trimmingCharacters(in: .whitespacesAndNewlines), descriptionDE: input.descriptionDE,
            descriptionEN: input.descriptionEN, icon: input.icon, keywords: input.keywords ?? [], sortOrder: input.sortOrder ?? 0,
            isActive: input.isActive ?? true, visibility: input.visibility ?? .customers, organisationIDs: input.organisationIds ?? [],
            formID: input.formId, createdAt: now, changedAt: now
        )
        return try await context.database.transaction { db in
            try await Self.check(category, db: db)
            let stored = try await CatalogueRepository(db).insert(category)
            try await PortalEvents.record("portal.category", id: stored.id, action: "created", by: principal, at: now, db: db)
            return stored
        }
    }

    /// Changes a category (administrators); with `expectedVersion`, a category changed meanwhile is refused (412).
    public func update(_ id: Int64, _ changes: CategoryChanges, expectedVersion: Int64?, by principal: Principal) async throws -> CatalogueCategory {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        return try await context.database.transaction { db in
            let repository = CatalogueRepository(db)
            guard var category = try await repository.find(id) else { throw DomainError.notFound("No category \(id).") }
            if let expectedVersion, expectedVersion != category.version {
                throw DomainError.stale("The category was changed meanwhile (version \(category.version), you sent \(expectedVersion)).")
            }
            if let change = changes.parentId { category.parentID = change.value }
            if let title = changes.titleDE { category.titleDE = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let title = changes.titleEN { category.titleEN = title.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let change = changes.descriptionDE { category.descriptionDE = change.value }
            if let change = changes.descriptionEN { category.descriptionEN = change.value }
            if let change = changes.icon { category.icon = change.value }
            if let keywords = changes.keywords { category.keywords = keywords }
            if let sortOrder = changes.sortOrder { category.sortOrder = sortOrder }
            if let isActive = changes.isActive { category.isActive = isActive }
            if let visibility = changes.visibility { category.visibility = visibility }
            if let organisations = changes.organisationIds { category.organisationIDs = organisations }
            if let change = changes.formId { category.formID = change.value }
            category.changedAt = now
            try await Self.check(category, db: db)
            guard let version = try await repository.update(category) else { throw DomainError.stale("The category was changed meanwhile.") }
            category.version = version
            try await PortalEvents.record("portal.category", id: id, action: "updated", by: principal, at: now, db: db)
            return category
        }
    }

    /// A category `principal` sees; one they may not see is not found.
    static func visibleCategory(_ id: Int64, for principal: Principal?, db: any SQLDatabase) async throws -> CatalogueCategory {
        let all = try await CatalogueRepository(db).all()
        guard let category = visible(all, to: principal).first(where: { $0.id == id }) else { throw DomainError.notFound("No category \(id).") }
        return category
    }

    /// The categories visible with all their ancestors, parents before children, siblings by sort order.
    static func visible(_ all: [CatalogueCategory], to principal: Principal?) -> [CatalogueCategory] {
        let children = Dictionary(grouping: all, by: \.parentID)
        var result: [CatalogueCategory] = []
        func walk(_ parent: Int64?) {
            for category in children[parent] ?? [] where AccessPolicy.canSee(category, as: principal) {
                result.append(category)
                walk(category.id)
            }
        }
        walk(nil)
        return result
    }

    /// The category's own rules, and that its parent, form and organisations exist and the tree has no cycle.
    private static func check(_ category: CatalogueCategory, db: any SQLDatabase) async throws {
        var issues = category.validate()
        let all = try await CatalogueRepository(db).all()
        if let parent = category.parentID {
            var ancestor: Int64? = parent
            var seen: Set<Int64> = []
            while let current = ancestor, seen.insert(current).inserted {
                if current == category.id, category.id != 0 {
                    issues.append(FieldIssue(field: "parentId", .selfReference))
                    break
                }
                guard let found = all.first(where: { $0.id == current }) else {
                    issues.append(FieldIssue(field: "parentId", .unknownReference(reference: String(current))))
                    break
                }
                ancestor = found.parentID
            }
        }
        if let formID = category.formID, try await RequestFormRepository(db).find(formID) == nil {
            issues.append(FieldIssue(field: "formId", .unknownReference(reference: String(formID))))
        }
        let organisations = OrganisationRepository(db)
        for id in category.organisationIDs where try await organisations.find(id) == nil {
            issues.append(FieldIssue(field: "organisationIds", .unknownReference(reference: String(id))))
        }
        if !issues.isEmpty { throw DomainError.invalid("The category is not valid.", issues: issues) }
    }
}
