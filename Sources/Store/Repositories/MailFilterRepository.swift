import Domain
import Foundation
import SQLKit

/// Postmaster filters, in order, and the mails they dropped.
public struct MailFilterRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Every filter in application order (position, then id).
    public func all() async throws -> [MailFilter] {
        try await db.raw("SELECT * FROM mail_filters ORDER BY position, id").all().map(Self.decode)
    }

    public func nameExists(_ name: String, except id: Int64) async throws -> Bool {
        try await db.raw("SELECT 1 AS x FROM mail_filters WHERE name_key = \(bind: name.lowercased()) AND id <> \(bind: id)").first() != nil
    }

    public func insert(_ filter: MailFilter, at now: Date) async throws -> Int64 {
        let row = try await db.raw("""
            INSERT INTO mail_filters (name, name_key, position, is_active, conditions, actions, created_at)
            VALUES (\(bind: filter.name), \(bind: filter.name.lowercased()), \(bind: Int64(filter.position)), \(bind: filter.isActive),
                \(bind: try Self.json(filter.conditions)), \(bind: try Self.json(filter.actions)), \(bind: now.millis))
            RETURNING id
            """).first()
        return try row?.int64("id") ?? 0
    }

    public func update(_ filter: MailFilter) async throws {
        try await db.raw("""
            UPDATE mail_filters SET name = \(bind: filter.name), name_key = \(bind: filter.name.lowercased()),
                position = \(bind: Int64(filter.position)), is_active = \(bind: filter.isActive),
                conditions = \(bind: try Self.json(filter.conditions)), actions = \(bind: try Self.json(filter.actions))
            WHERE id = \(bind: filter.id)
            """).run()
    }

    public func delete(_ id: Int64) async throws {
        try await db.raw("DELETE FROM mail_filters WHERE id = \(bind: id)").run()
    }

    /// Keeps a dropped mail with its raw bytes.
    public func insertIgnored(_ mail: IgnoredMail, raw: [UInt8]) async throws -> Int64 {
        let row = try await db.raw("""
            INSERT INTO ignored_mails (received_at, filter_name, subject, from_address, message_id, size, raw)
            VALUES (\(bind: mail.receivedAt.millis), \(bind: mail.filterName), \(bind: mail.subject), \(bind: mail.from),
                \(bind: mail.messageID), \(bind: Int64(mail.size)), \(bind: Data(raw)))
            RETURNING id
            """).first()
        return try row?.int64("id") ?? 0
    }

    /// Dropped mails by id, after the cursor (an id).
    public func ignored(after cursor: Int64, limit: Int) async throws -> [IgnoredMail] {
        try await db.raw("""
            SELECT id, received_at, filter_name, subject, from_address, message_id, size FROM ignored_mails
            WHERE id > \(bind: cursor) ORDER BY id LIMIT \(literal: limit)
            """).all().map { row in
            IgnoredMail(
                id: try row.int64("id"), receivedAt: try row.date("received_at"), filterName: try row.string("filter_name"),
                subject: try row.stringOrNil("subject"), from: try row.stringOrNil("from_address"),
                messageID: try row.stringOrNil("message_id"), size: Int(try row.int64("size")))
        }
    }

    /// The raw bytes of a dropped mail.
    public func ignoredRaw(_ id: Int64) async throws -> [UInt8]? {
        guard let row = try await db.raw("SELECT raw FROM ignored_mails WHERE id = \(bind: id)").first() else { return nil }
        return [UInt8](try row.decode(column: "raw", as: Data.self))
    }

    private static func decode(_ row: any SQLRow) throws -> MailFilter {
        let decoder = JSONDecoder()
        return MailFilter(
            id: try row.int64("id"), name: try row.string("name"), position: Int(try row.int64("position")), isActive: try row.bool("is_active"),
            conditions: try decoder.decode([MailFilterCondition].self, from: Data(try row.string("conditions").utf8)),
            actions: try decoder.decode(MailFilterActions.self, from: Data(try row.string("actions").utf8)))
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
