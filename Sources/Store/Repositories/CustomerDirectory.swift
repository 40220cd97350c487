import SQLKit

/// One customer as pickers list them: an active contact with its first mail address and its customer login, if any.
public struct CustomerEntry: Sendable, Encodable, Equatable {
    /// The contact's id (what items' `ownerContactId` and tickets' `contactId` hold).
    public var id: Int64
    public var name: String
    public var email: String?
    public var login: String?
    public var organisationId: Int64?
}

/// Finds customers by the start of their first or last name, full name, any mail address or their customer login.
public struct CustomerDirectory: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Up to `limit` active contacts matching `text` (case-insensitive prefix), by id after `cursor`.
    public func search(_ text: String, after cursor: Int64?, limit: Int) async throws -> [CustomerEntry] {
        let pattern = ContactRepository.likePrefix(text.lowercased())
        return try await db.raw("""
            SELECT c.id, c.first_name, c.last_name, c.organisation_id,
                (SELECT MIN(e.email) FROM contact_emails e WHERE e.contact_id = c.id) AS email,
                (SELECT MIN(u.login) FROM users u WHERE u.contact_id = c.id AND u.is_customer = \(bind: true)) AS login
            FROM contacts c
            WHERE c.id > \(bind: cursor ?? 0) AND c.is_active = \(bind: true) AND (
                LOWER(c.last_name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.first_name) LIKE \(bind: pattern) ESCAPE '\\'
                OR LOWER(c.first_name || ' ' || c.last_name) LIKE \(bind: pattern) ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND LOWER(e.email) LIKE \(bind: pattern) ESCAPE '\\')
                OR EXISTS (SELECT 1 FROM users u WHERE u.contact_id = c.id AND u.is_customer = \(bind: true)
                           AND u.login_key LIKE \(bind: pattern) ESCAPE '\\'))
            ORDER BY c.id LIMIT \(literal: limit)
            """).all().map { row in
            let name = [try row.string("first_name"), try row.string("last_name")].filter { !$0.isEmpty }.joined(separator: " ")
            return CustomerEntry(
                id: try row.int64("id"), name: name, email: try row.stringOrNil("email"), login: try row.stringOrNil("login"),
                organisationId: try row.int64OrNil("organisation_id")
            )
        }
    }
}
