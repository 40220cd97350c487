import Domain
import Foundation
import SQLKit

/// Contacts with their mail addresses.
public struct ContactRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func find(_ id: Int64) async throws -> Contact? {
        try await decode(db.raw("SELECT * FROM contacts WHERE id = \(bind: id)").all()).first
    }

    /// The contact owning a mail address (case-insensitive).
    /// One prepared query (it runs for every ticket and mail from a customer): a row per address of the contact, in order.
    public func find(email: String) async throws -> Contact? {
        let rows = try await db.preparing.raw("""
            SELECT c.id, c.first_name, c.last_name, c.phones, c.organisation_id, c.is_active, c.created_at, a.email AS address
            FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
            JOIN contact_emails a ON a.contact_id = c.id WHERE e.email = \(bind: email.lowercased()) ORDER BY a.position
            """).all()
        guard let first = rows.first else { return nil }
        return try contact(first, emails: rows.map { try $0.string("address") })
    }

    /// Contacts ordered by id after `cursor`, optionally only those whose name or address starts with `prefix`.
    public func list(after cursor: Int64?, limit: Int, prefix: String?, organisationID: Int64?, fields: [FieldFilter] = []) async throws -> [Contact] {
        var conditions: [SQLQueryString] = ["c.id > \(bind: cursor ?? 0)"]
        if let prefix, !prefix.isEmpty {
            let pattern = Self.likePrefix(prefix.lowercased())
            conditions.append("""
                (LOWER(c.last_name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.first_name) LIKE \(bind: pattern) ESCAPE '\\'
                 OR EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.email LIKE \(bind: pattern) ESCAPE '\\'))
                """)
        }
        if let organisationID { conditions.append("c.organisation_id = \(bind: organisationID)") }
        conditions += fields.map { $0.condition(object: .contact, idColumn: "c.id") }
        return try await decode(db.raw("""
            SELECT c.* FROM contacts c WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id LIMIT \(literal: limit)
            """).all())
    }

    public func insert(_ contact: Contact) async throws -> Contact {
        let row = try await db.raw("""
            INSERT INTO contacts (first_name, last_name, phones, organisation_id, is_active, created_at)
            VALUES (\(bind: contact.firstName), \(bind: contact.lastName), \(bind: jsonArray(contact.phones)),
                \(bind: contact.organisationID), \(bind: contact.isActive), \(bind: contact.createdAt.millis))
            RETURNING id
            """).first()
        var stored = contact
        stored.id = try row?.int64("id") ?? 0
        try await setEmails(of: stored.id, to: contact.emails)
        return stored
    }

    public func update(_ contact: Contact) async throws {
        try await db.raw("""
            UPDATE contacts SET first_name = \(bind: contact.firstName), last_name = \(bind: contact.lastName),
                phones = \(bind: jsonArray(contact.phones)), organisation_id = \(bind: contact.organisationID),
                is_active = \(bind: contact.isActive)
            WHERE id = \(bind: contact.id)
            """).run()
        try await setEmails(of: contact.id, to: contact.emails)
    }

    /// The id of the contact, other than `excluding`, that already owns one of `emails`.
    public func owner(ofAnyOf emails: [String], excluding: Int64?) async throws -> Int64? {
        guard !emails.isEmpty else { return nil }
        return try await db.raw("""
            SELECT contact_id FROM contact_emails WHERE email IN (\(binds: emails.map { $0.lowercased() }))
            AND contact_id <> \(bind: excluding ?? 0) LIMIT 1
            """).first()?.int64("contact_id")
    }

    private func setEmails(of contactID: Int64, to emails: [String]) async throws {
        try await db.raw("DELETE FROM contact_emails WHERE contact_id = \(bind: contactID)").run()
        for (position, email) in emails.enumerated() {
            try await db.raw("""
                INSERT INTO contact_emails (contact_id, email, position) VALUES (\(bind: contactID), \(bind: email.lowercased()), \(bind: Int64(position)))
                """).run()
        }
    }

    private func decode(_ rows: [any SQLRow]) async throws -> [Contact] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.int64("id") }
        var emails: [Int64: [String]] = [:]
        for row in try await db.raw("SELECT contact_id, email FROM contact_emails WHERE contact_id IN (\(binds: ids)) ORDER BY position").all() {
            emails[try row.int64("contact_id"), default: []].append(try row.string("email"))
        }
        return try rows.map { row in try contact(row, emails: emails[try row.int64("id")] ?? []) }
    }

    private func contact(_ row: any SQLRow, emails: [String]) throws -> Contact {
        Contact(
            id: try row.int64("id"), firstName: try row.string("first_name"), lastName: try row.string("last_name"), emails: emails,
            phones: try row.stringArray("phones"), organisationID: try row.int64OrNil("organisation_id"),
            isActive: try row.bool("is_active"), createdAt: try row.date("created_at")
        )
    }

    /// A LIKE pattern matching strings that start with `text`, with LIKE's wildcards escaped.
    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
