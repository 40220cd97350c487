import Domain
import Foundation
import SQLKit
import Store

/// The configuration-item use cases: create, read, change, versions and history; lists, relations and imports
/// live in extensions. Shared by the REST API, the CLI and (later) the UI.
///
/// Agents read and write items; customers read the items they or their organisation own, with the
/// customer-visible attributes only. Every write runs in one transaction, checks the attributes against the class
/// definition, writes a version only on a real change, history per changed attribute, the search document and an event.
public struct ConfigItemService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    var dialect: Dialect { context.database.dialect }

    /// Creates an item against its class's current definition.
    public func create(_ input: NewConfigItem, by principal: Principal) async throws -> ConfigItemView {
        try AccessPolicy.requireCMDBWriter(principal)
        let now = context.now()
        return try await context.database.transaction { db in
            let classes = try await CIClassRepository(db).all()
            let ciClass = try Self.resolveClass(input.class, id: input.classId, in: classes)
            let item = try await prepare(input, ciClass: ciClass, classes: classes, existing: nil, db: db, now: now)
            let stored = try await ConfigItemWriter(db: db, dialect: dialect, now: now).insert(item, className: ciClass.name, by: principal)
            return ConfigItemView(stored, ciClass: ciClass, customerView: false)
        }
    }

    /// Checks `input` (a new item, or the new state of `existing`) and builds the item to store; throws every
    /// issue at once. `checksUniqueness` as for `AttributeChecker.check`.
    func prepare(
        _ input: NewConfigItem, ciClass: CIClass, classes: [CIClass], existing: ConfigItem?, db: any SQLDatabase, now: Date,
        checksUniqueness: Bool = true
    ) async throws -> ConfigItem {
        var issues: [FieldIssue] = []
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 500 || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            issues.append(FieldIssue(field: "name", .length(min: 1, max: 500), detail: "A name needs 1 to 500 characters on one line, without control characters."))
        }
        let deployment = input.deploymentState.map(DeploymentState.init(named:)) ?? existing?.deploymentState ?? .planned
        if deployment == nil {
            issues.append(FieldIssue(field: "deploymentState", .invalidChoice, detail: "Unknown deployment state; one of \(DeploymentState.allCases.map(\.germanName).joined(separator: ", ")) (or their API names)."))
        }
        let incident = input.incidentState.map(IncidentState.init(named:)) ?? existing?.incidentState ?? .operational
        if incident == nil {
            issues.append(FieldIssue(field: "incidentState", .invalidChoice, detail: "Unknown incident state; one of operational, warning, incident."))
        }
        let references = CIReferences(db)
        for (field, type, id, noun) in [("ownerContactId", CIAttributeType.contactReference, input.ownerContactId, "contact"),
                                        ("ownerOrganisationId", .organisationReference, input.ownerOrganisationId, "organisation"),
                                        ("locationId", .itemReference, input.locationId, "configuration item")] {
            if let id, try await !references.exists(type, id: id) {
                issues.append(FieldIssue(field: field, .unknownReference(reference: String(id))))
            }
        }
        if let locationID = input.locationId, let existing {
            let path = try await ConfigItemRepository(db, dialect: dialect).locationPath(of: locationID)
            if locationID == existing.id || path.contains(where: { $0.id == existing.id }) {
                issues.append(FieldIssue(field: "locationId", .selfReference))
            }
        }
        let checked = try await AttributeChecker(db: db, dialect: dialect).check(
            input.attributes ?? [:], base: existing?.attributes ?? [:], definition: ciClass.definition, classID: ciClass.id,
            itemID: existing?.id, classes: classes, checksUniqueness: checksUniqueness
        )
        var attributes: CIAttributes = [:]
        switch checked {
        case .success(let values): attributes = values
        case .failure(.invalid(_, let attributeIssues)): issues += attributeIssues
        case .failure(let error): throw error
        }
        guard issues.isEmpty, let deployment, let incident else {
            throw DomainError.invalid("The item is invalid.", issues: issues)
        }
        return ConfigItem(
            id: existing?.id ?? 0, number: existing?.number ?? "", name: name, classID: ciClass.id, classVersion: ciClass.version,
            deploymentState: deployment, incidentState: incident, ownerContactID: input.ownerContactId,
            ownerOrganisationID: input.ownerOrganisationId, locationID: input.locationId, attributes: attributes,
            version: existing?.version ?? 1, createdAt: existing?.createdAt ?? now, changedAt: now
        )
    }

    /// The item with `id`, if `principal` may see it.
    public func item(_ id: Int64, for principal: Principal) async throws -> ConfigItemView {
        try AccessPolicy.requireItemReader(principal)
        let customerView = !AccessPolicy.seesInternals(principal)
        return try await context.database.read { db in
            let items = ConfigItemRepository(db, dialect: dialect)
            guard let found = try await items.findClassified(id), Self.canSee(found.item, principal) else {
                throw DomainError.notFound("No configuration item \(id).")
            }
            let item = found.item
            let definition = customerView ? try await CIClassRepository(db).definition(of: item.classID, version: found.classVersion) : nil
            let path = try await items.locationPath(of: item.locationID)
            return ConfigItemView(item, className: found.className, definition: definition, customerView: customerView, locationPath: path)
        }
    }

    /// Changes an item. The change applies to the item's own class version (the item is upgraded only by
    /// `CMDBClassService.upgrade`). `expectedVersion` (from `If-Match`) must be current when given.
    public func update(_ id: Int64, _ changes: ConfigItemChanges, expectedVersion: Int64?, by principal: Principal) async throws -> ConfigItemView {
        try AccessPolicy.requireCMDBWriter(principal)
        let now = context.now()
        return try await context.database.transaction { db in
            guard let old = try await ConfigItemRepository(db, dialect: dialect).findForUpdate(id) else {
                throw DomainError.notFound("No configuration item \(id).")
            }
            if let expectedVersion, expectedVersion != old.version {
                throw DomainError.stale("The item is at version \(old.version), not \(expectedVersion); load it again.")
            }
            let classes = try await CIClassRepository(db).all()
            guard let current = classes.first(where: { $0.id == old.classID }) else { throw StoreError.corrupt("class of item \(id)") }
            var ciClass = current
            if old.classVersion != current.version,
               let written = try await CIClassRepository(db).versions(of: current.id).first(where: { $0.version == old.classVersion }) {
                ciClass.definition = written.definition
                ciClass.version = written.version
            }
            var input = NewConfigItem(name: changes.name ?? old.name, deploymentState: changes.deploymentState, attributes: changes.attributes)
            input.incidentState = changes.incidentState
            input.ownerContactId = changes.ownerContactId.map(\.value) ?? old.ownerContactID
            input.ownerOrganisationId = changes.ownerOrganisationId.map(\.value) ?? old.ownerOrganisationID
            input.locationId = changes.locationId.map(\.value) ?? old.locationID
            let item = try await prepare(input, ciClass: ciClass, classes: classes, existing: old, db: db, now: now)
            let stored = try await ConfigItemWriter(db: db, dialect: dialect, now: now).update(item, from: old, className: current.name, by: principal)
            return ConfigItemView(stored, ciClass: ciClass, customerView: false)
        }
    }

    /// Every version of the item, oldest first.
    public func versions(of id: Int64, for principal: Principal) async throws -> [ConfigItemVersion] {
        try AccessPolicy.requireCMDBReader(principal)
        return try await context.database.read { db in
            _ = try await requireVisible(id, for: principal, db: db)
            return try await ConfigItemRepository(db, dialect: dialect).versions(of: id)
        }
    }

    /// Who changed what on the item, newest first: `limit` (1 to 1000) entries after `cursor`, the `next` of the page
    /// before.
    public func history(of id: Int64, cursor: String? = nil, limit: Int = 50, for principal: Principal) async throws -> Page<CIHistoryEntry> {
        try AccessPolicy.requireCMDBReader(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        var before: Int64?
        if let cursor {
            guard let id = Int64(cursor), id > 0 else { throw DomainError.invalid(FieldIssue(field: "cursor", .invalidFormat, detail: "The cursor is not one this server handed out.")) }
            before = id
        }
        let start = before
        let entries = try await context.database.read { db in
            _ = try await requireVisible(id, for: principal, db: db)
            return try await CIHistoryRepository(db).entries(ofItem: id, before: start, limit: limit + 1)
        }
        return Page(fetched: entries, limit: limit, cursor: \.id)
    }

    /// The item if it exists and `principal` may see it (agents: all; customers: their own and their
    /// organisations'), else not found.
    func requireVisible(_ id: Int64, for principal: Principal, db: any SQLDatabase) async throws -> ConfigItem {
        guard let item = try await ConfigItemRepository(db, dialect: dialect).find(id), Self.canSee(item, principal) else {
            throw DomainError.notFound("No configuration item \(id).")
        }
        return item
    }

    static func canSee(_ item: ConfigItem, _ principal: Principal) -> Bool {
        canSee(ownerContactID: item.ownerContactID, ownerOrganisationID: item.ownerOrganisationID, principal)
    }

    /// Whether `principal` may see an item with these owners.
    static func canSee(ownerContactID: Int64?, ownerOrganisationID: Int64?, _ principal: Principal) -> Bool {
        if AccessPolicy.seesInternals(principal) { return true }
        if let contact = principal.contactID, ownerContactID == contact { return true }
        return ownerOrganisationID.map(principal.organisationIDs.contains) ?? false
    }

    /// The class a request names by name (German or English) or id; a field issue when it names none.
    static func resolveClass(_ name: String?, id: Int64?, in classes: [CIClass]) throws(DomainError) -> CIClass {
        if let id {
            guard let found = classes.first(where: { $0.id == id }) else { throw .invalid(FieldIssue(field: "classId", .unknownReference(reference: String(id)))) }
            return found
        }
        guard let name else { throw .invalid(FieldIssue(field: "class", .required)) }
        guard let found = classes.first(where: { $0.isNamed(name) }) else { throw .invalid(FieldIssue(field: "class", .unknownReference(reference: name))) }
        return found
    }
}
