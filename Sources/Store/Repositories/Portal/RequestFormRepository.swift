import Domain
import Foundation
import SQLKit

/// Request forms: the current version of each, and every version ever saved (tickets refer to the version they
/// were created with).
public struct RequestFormRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [RequestFormRecord] {
        try await db.raw("SELECT * FROM portal_forms ORDER BY id").all().map(Self.decode)
    }

    public func find(_ id: Int64) async throws -> RequestFormRecord? {
        try await db.raw("SELECT * FROM portal_forms WHERE id = \(bind: id)").first().map(Self.decode)
    }

    /// The definition of version `version` of form `formID`.
    public func version(_ version: Int64, of formID: Int64) async throws -> RequestFormRecord? {
        try await db.raw("""
            SELECT v.form_id AS id, v.version, v.definition, f.created_at, v.created_at AS changed_at
            FROM portal_form_versions v JOIN portal_forms f ON f.id = v.form_id
            WHERE v.form_id = \(bind: formID) AND v.version = \(bind: version)
            """).first().map(Self.decode)
    }

    /// The numbers and times of every version of a form, oldest first.
    public func versions(of formID: Int64) async throws -> [(version: Int64, createdAt: Date, createdBy: Int64?)] {
        try await db.raw("SELECT version, created_at, created_by FROM portal_form_versions WHERE form_id = \(bind: formID) ORDER BY version")
            .all().map { (try $0.int64("version"), try $0.date("created_at"), try $0.int64OrNil("created_by")) }
    }

    /// Inserts a form as version 1.
    public func insert(_ form: RequestForm, by actorID: Int64?, at now: Date) async throws -> RequestFormRecord {
        let definition = try Self.json(form)
        let row = try await db.raw("""
            INSERT INTO portal_forms (name, version, definition, created_at, changed_at)
            VALUES (\(bind: form.name), 1, \(bind: definition), \(bind: now.millis), \(bind: now.millis)) RETURNING id
            """).first()
        let record = RequestFormRecord(id: try row?.int64("id") ?? 0, version: 1, form: form, createdAt: now, changedAt: now)
        try await insertVersion(record, definition: definition, by: actorID)
        return record
    }

    /// Saves `form` as the next version if the current one is still `expectedVersion`; nil when stale.
    public func save(_ form: RequestForm, of formID: Int64, expectedVersion: Int64, by actorID: Int64?, at now: Date) async throws -> RequestFormRecord? {
        let definition = try Self.json(form)
        guard let row = try await db.raw("""
            UPDATE portal_forms SET name = \(bind: form.name), version = version + 1, definition = \(bind: definition), changed_at = \(bind: now.millis)
            WHERE id = \(bind: formID) AND version = \(bind: expectedVersion)
            RETURNING version, created_at
            """).first() else { return nil }
        let record = RequestFormRecord(id: formID, version: try row.int64("version"), form: form, createdAt: try row.date("created_at"), changedAt: now)
        try await insertVersion(record, definition: definition, by: actorID)
        return record
    }

    private func insertVersion(_ record: RequestFormRecord, definition: String, by actorID: Int64?) async throws {
        try await db.raw("""
            INSERT INTO portal_form_versions (form_id, version, definition, created_at, created_by)
            VALUES (\(bind: record.id), \(bind: record.version), \(bind: definition), \(bind: record.changedAt.millis), \(bind: actorID))
            """).run()
    }

    static func json(_ form: RequestForm) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(form), as: UTF8.self)
    }

    static func decode(_ row: any SQLRow) throws -> RequestFormRecord {
        RequestFormRecord(
            id: try row.int64("id"), version: try row.int64("version"),
            form: try JSONDecoder().decode(RequestForm.self, from: Data(try row.string("definition").utf8)),
            createdAt: try row.date("created_at"), changedAt: try row.date("changed_at")
        )
    }
}
