import Domain
import Foundation
import SQLKit
import Store

/// Administration of postmaster filters and of the mails they dropped; administrators only. Every change
/// appends an event.
public struct MailFilterService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache
    let fields: FieldService

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
        fields = FieldService(context: context)
    }

    /// Every filter in the order they run.
    public func list(by principal: Principal) async throws -> [MailFilter] {
        try AccessPolicy.requireAdmin(principal)
        return try await context.database.read { db in try await MailFilterRepository(db).all() }
    }

    /// Filter `id` with its version (the `ETag`, the admin form's hidden `version`).
    public func get(_ id: Int64, by principal: Principal) async throws -> Versioned<MailFilter> {
        try AccessPolicy.requireAdmin(principal)
        let found = try await context.database.read { db in
            try await Versioned.current(try await MailFilterRepository(db).all().first { $0.id == id }, in: Self.versions(db), id: id)
        }
        guard let found else { throw DomainError.notFound("No mail filter \(id).") }
        return found
    }

    public func create(_ input: MailFilterInput, by principal: Principal) async throws -> Versioned<MailFilter> {
        let existing = try await list(by: principal)
        let blank = MailFilter(id: 0, name: "", position: (existing.map(\.position).max() ?? 0) + 10, conditions: [], actions: MailFilterActions())
        return try await save(merged(input, over: blank), action: "created", by: principal)
    }

    /// Changes filter `id`; with `expectedVersion`, a filter changed meanwhile is refused as stale.
    public func update(
        _ id: Int64, _ input: MailFilterInput, expectedVersion: Int64? = nil, by principal: Principal
    ) async throws -> Versioned<MailFilter> {
        try await save(merged(input, over: try await get(id, by: principal).record), expectedVersion: expectedVersion, action: "updated", by: principal)
    }

    public func delete(_ id: Int64, by principal: Principal) async throws {
        let filter = try await get(id, by: principal).record
        let now = context.now()
        try await context.database.transaction { db in
            try await MailFilterRepository(db).delete(id)
            try await appendEvent(db, id: id, name: filter.name, action: "deleted", by: principal, at: now)
        }
        await masterData.invalidate()
    }

    /// Mails the filters dropped, by id, a page after the cursor.
    public func ignored(after cursor: Int64?, limit: Int, by principal: Principal) async throws -> Page<IgnoredMail> {
        try AccessPolicy.requireAdmin(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let fetched = try await context.database.read { db in try await MailFilterRepository(db).ignored(after: cursor ?? 0, limit: limit + 1) }
        return Page(fetched: fetched, limit: limit, cursor: \.id)
    }

    /// The raw message of a dropped mail.
    public func ignoredRaw(_ id: Int64, by principal: Principal) async throws -> [UInt8] {
        try AccessPolicy.requireAdmin(principal)
        guard let raw = try await context.database.read({ db in try await MailFilterRepository(db).ignoredRaw(id) }) else {
            throw DomainError.notFound("No ignored mail \(id).")
        }
        return raw
    }

    private func merged(_ input: MailFilterInput, over base: MailFilter) -> MailFilter {
        var filter = base
        if let name = input.name { filter.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let position = input.position { filter.position = position }
        if let active = input.isActive { filter.isActive = active }
        if let conditions = input.conditions { filter.conditions = conditions }
        if let actions = input.actions { filter.actions = actions }
        return filter
    }

    private func save(
        _ filter: MailFilter, expectedVersion: Int64? = nil, action: String, by principal: Principal
    ) async throws -> Versioned<MailFilter> {
        try MailFilterRules.check(filter, master: try await masterData.current(context.database), fields: try await fields.definitions(for: .ticket))
        let now = context.now()
        let stored = try await context.database.transaction { db in
            let repository = MailFilterRepository(db)
            if try await repository.nameExists(filter.name, except: filter.id) {
                throw DomainError.conflict("A mail filter '\(filter.name)' exists already.")
            }
            var saved = Versioned(filter, version: Versioned<MailFilter>.first)
            if filter.id == 0 {
                saved.record.id = try await repository.insert(filter, at: now)
            } else {
                saved.version = try await Versioned<MailFilter>.advance(Self.versions(db), filter.id, from: expectedVersion, kind: "mail filter")
                try await repository.update(filter)
            }
            try await appendEvent(db, id: saved.record.id, name: filter.name, action: action, by: principal, at: now)
            return saved
        }
        await masterData.invalidate()
        return stored
    }

    private static func versions(_ db: any SQLDatabase) -> RowVersions {
        RowVersions(db, table: "mail_filters")
    }

    private func appendEvent(_ db: any SQLDatabase, id: Int64, name: String, action: String, by principal: Principal, at now: Date) async throws {
        try await EventRepository(db).append(
            type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
            payload: EventPayload.json(["kind": "mail_filters", "id": String(id), "name": name, "action": action]), at: now)
    }
}
