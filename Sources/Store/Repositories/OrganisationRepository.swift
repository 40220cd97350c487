import Domain
import SQLKit

/// Organisations with their mail-domain patterns.
public struct OrganisationRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func find(_ id: Int64) async throws -> Organisation? {
        try await decode(db.raw("SELECT * FROM organisations WHERE id = \(bind: id)").all()).first
    }

    public func find(name: String) async throws -> Organisation? {
        try await decode(db.raw("SELECT * FROM organisations WHERE name_key = \(bind: name.lowercased())").all()).first
    }

    public func list(after cursor: Int64?, limit: Int, fields: [FieldFilter] = []) async throws -> [Organisation] {
        let conditions: [SQLQueryString] = ["o.id > \(bind: cursor ?? 0)"] + fields.map { $0.condition(object: .organisation, idColumn: "o.id") }
        return try await decode(db.raw("""
            SELECT o.* FROM organisations o WHERE \(conditions.joined(separator: " AND ")) ORDER BY o.id LIMIT \(literal: limit)
            """).all())
    }

    /// The organisation whose mail-domain patterns cover `address`, most specific pattern first.
    public func find(coveringAddress address: String) async throws -> Organisation? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        var candidates = [domain]
        var parts = domain.split(separator: ".")
        while parts.count > 1 {
            candidates.append("*." + parts.dropFirst().joined(separator: "."))
            parts.removeFirst()
        }
        let rows = try await db.raw("""
            SELECT organisation_id, pattern FROM organisation_domains WHERE pattern IN (\(binds: candidates))
            """).all()
        let best = try rows.min { lhs, rhs in
            (candidates.firstIndex(of: try lhs.string("pattern")) ?? .max) < (candidates.firstIndex(of: try rhs.string("pattern")) ?? .max)
        }
        guard let best else { return nil }
        return try await find(try best.int64("organisation_id"))
    }

    public func insert(_ organisation: Organisation) async throws -> Organisation {
        let row = try await db.raw("""
            INSERT INTO organisations (name, name_key, parent_id, is_active, created_at)
            VALUES (\(bind: organisation.name), \(bind: organisation.name.lowercased()), \(bind: organisation.parentID),
                \(bind: organisation.isActive), \(bind: organisation.createdAt.millis))
            RETURNING id
            """).first()
        var stored = organisation
        stored.id = try row?.int64("id") ?? 0
        try await setDomains(of: stored.id, to: organisation.mailDomains)
        return stored
    }

    public func update(_ organisation: Organisation) async throws {
        try await db.raw("""
            UPDATE organisations SET name = \(bind: organisation.name), name_key = \(bind: organisation.name.lowercased()),
                parent_id = \(bind: organisation.parentID), is_active = \(bind: organisation.isActive)
            WHERE id = \(bind: organisation.id)
            """).run()
        try await setDomains(of: organisation.id, to: organisation.mailDomains)
    }

    /// The ids of `id` and all its ancestors, nearest first (stops on cycles).
    public func ancestry(of id: Int64) async throws -> [Int64] {
        var chain: [Int64] = []
        var current: Int64? = id
        while let next = current, !chain.contains(next) {
            chain.append(next)
            current = try await db.raw("SELECT parent_id FROM organisations WHERE id = \(bind: next)").first()?.int64OrNil("parent_id")
        }
        return chain
    }

    private func setDomains(of organisationID: Int64, to domains: [String]) async throws {
        try await db.raw("DELETE FROM organisation_domains WHERE organisation_id = \(bind: organisationID)").run()
        for domain in Set(domains.map { $0.lowercased() }) {
            try await db.raw("INSERT INTO organisation_domains (organisation_id, pattern) VALUES (\(bind: organisationID), \(bind: domain))").run()
        }
    }

    private func decode(_ rows: [any SQLRow]) async throws -> [Organisation] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.int64("id") }
        var domains: [Int64: [String]] = [:]
        for row in try await db.raw("SELECT organisation_id, pattern FROM organisation_domains WHERE organisation_id IN (\(binds: ids)) ORDER BY pattern").all() {
            domains[try row.int64("organisation_id"), default: []].append(try row.string("pattern"))
        }
        return try rows.map { row in
            let id = try row.int64("id")
            return Organisation(
                id: id, name: try row.string("name"), parentID: try row.int64OrNil("parent_id"), mailDomains: domains[id] ?? [],
                isActive: try row.bool("is_active"), createdAt: try row.date("created_at")
            )
        }
    }
}
