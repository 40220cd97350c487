import Domain
import Foundation
import SQLKit
import Synchronization

/// Configuration-item classes and every version of their definitions.
public struct CIClassRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [CIClass] {
        try await db.raw("SELECT * FROM cmdb_classes ORDER BY name_key").all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> CIClass? {
        try await db.raw("SELECT * FROM cmdb_classes WHERE id = \(bind: id)").first().map(Self.decode)
    }

    public func find(name: String) async throws -> CIClass? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return try await db.raw("SELECT * FROM cmdb_classes WHERE name_key = \(bind: key) OR lower(name_en) = \(bind: key) ORDER BY id LIMIT 1")
            .first().map(Self.decode)
    }

    /// Inserts a class with its first definition version; returns it with its id.
    public func insert(_ ciClass: CIClass, by actorID: Int64?) async throws -> CIClass {
        let row = try await db.raw("""
            INSERT INTO cmdb_classes (name, name_key, name_en, version, definition, created_at, changed_at)
            VALUES (\(bind: ciClass.name), \(bind: ciClass.name.lowercased()), \(bind: ciClass.nameEN), 1,
                \(bind: try Self.json(ciClass.definition)), \(bind: ciClass.createdAt.millis), \(bind: ciClass.changedAt.millis))
            RETURNING id
            """).first()
        var stored = ciClass
        stored.id = try row?.int64("id") ?? 0
        stored.version = 1
        try await insertVersion(of: stored, by: actorID)
        return stored
    }

    /// Stores `ciClass` (names, and a definition whose version is one above the stored one) and its version row.
    public func update(_ ciClass: CIClass, by actorID: Int64?, newVersion: Bool) async throws {
        try await db.raw("""
            UPDATE cmdb_classes SET name = \(bind: ciClass.name), name_key = \(bind: ciClass.name.lowercased()),
                name_en = \(bind: ciClass.nameEN), version = \(bind: ciClass.version), definition = \(bind: try Self.json(ciClass.definition)),
                changed_at = \(bind: ciClass.changedAt.millis)
            WHERE id = \(bind: ciClass.id)
            """).run()
        if newVersion { try await insertVersion(of: ciClass, by: actorID) }
    }

    private func insertVersion(of ciClass: CIClass, by actorID: Int64?) async throws {
        try await db.raw("""
            INSERT INTO cmdb_class_versions (class_id, version, definition, created_at, created_by)
            VALUES (\(bind: ciClass.id), \(bind: ciClass.version), \(bind: try Self.json(ciClass.definition)),
                \(bind: ciClass.changedAt.millis), \(bind: actorID))
            """).run()
    }

    public func versions(of classID: Int64) async throws -> [CIClassVersion] {
        try await db.raw("SELECT * FROM cmdb_class_versions WHERE class_id = \(bind: classID) ORDER BY version").all().map { row in
            CIClassVersion(
                classID: try row.int64("class_id"), version: try row.int64("version"),
                definition: try Self.definition(try row.string("definition")), createdAt: try row.date("created_at"),
                createdBy: try row.int64OrNil("created_by")
            )
        }
    }

    /// The definition of version `version` of class `classID`, or nil when the class has no such version; decoded
    /// once per text (`definition(_:)`).
    public func definition(of classID: Int64, version: Int64) async throws -> CIClassDefinition? {
        guard let row = try await db.raw("""
            SELECT definition FROM cmdb_class_versions WHERE class_id = \(bind: classID) AND version = \(bind: version)
            """).first() else { return nil }
        return try Self.definition(try row.string("definition"))
    }

    static func json(_ definition: CIClassDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(definition), as: UTF8.self)
    }

    /// Definitions decoded before, by their JSON text: every item list and item view reads classes, and decoding
    /// their definitions (2.6 KB of JSON for a computer) costs more than the query.
    private static let decoded = Mutex<[String: CIClassDefinition]>([:])

    /// The most definitions `decoded` keeps before it starts over.
    private static let decodedLimit = 256

    static func definition(_ json: String) throws -> CIClassDefinition {
        if let definition = decoded.withLock({ $0[json] }) { return definition }
        let definition: CIClassDefinition
        do {
            definition = try JSONDecoder().decode(CIClassDefinition.self, from: Data(json.utf8))
        } catch {
            throw StoreError.corrupt("class definition \(json.prefix(80))")
        }
        decoded.withLock { cache in
            if cache.count >= decodedLimit { cache.removeAll() }
            cache[json] = definition
        }
        return definition
    }

    static func decode(_ row: any SQLRow) throws -> CIClass {
        CIClass(
            id: try row.int64("id"), name: try row.string("name"), nameEN: try row.stringOrNil("name_en"),
            version: try row.int64("version"), definition: try definition(try row.string("definition")),
            createdAt: try row.date("created_at"), changedAt: try row.date("changed_at")
        )
    }
}
