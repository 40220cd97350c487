import Domain
import SQLKit

/// The names a list shows for ids it holds: contacts (with their first address), organisations and users,
/// each read in one query however many rows the list has.
public struct DisplayNameRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// "First Last" and the first mail address of each contact.
    public func contacts(_ ids: Set<Int64>) async throws -> [Int64: (name: String, email: String?)] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT c.id, c.first_name, c.last_name,
                (SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id ORDER BY e.position LIMIT 1) AS email
            FROM contacts c WHERE c.id IN (\(Self.list(ids)))
            """).all()
        var names: [Int64: (String, String?)] = [:]
        for row in rows {
            let name = [try row.decode(column: "first_name", as: String.self), try row.decode(column: "last_name", as: String.self)]
                .filter { !$0.isEmpty }.joined(separator: " ")
            names[try row.decode(column: "id", as: Int64.self)] = (name, try row.decode(column: "email", as: String?.self))
        }
        return names
    }

    /// Organisation names by id.
    public func organisations(_ ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.raw("SELECT id, name FROM organisations WHERE id IN (\(Self.list(ids)))").all() {
            names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    /// "First Last" (or the login when a user has no name) by user id.
    public func users(_ ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.raw("SELECT id, login, first_name, last_name FROM users WHERE id IN (\(Self.list(ids)))").all() {
            let name = [try row.decode(column: "first_name", as: String.self), try row.decode(column: "last_name", as: String.self)]
                .filter { !$0.isEmpty }.joined(separator: " ")
            names[try row.decode(column: "id", as: Int64.self)] = name.isEmpty ? try row.decode(column: "login", as: String.self) : name
        }
        return names
    }

    /// Ids are integers, so they are written into the statement: one statement shape per list length would
    /// defeat the statement cache anyway.
    private static func list(_ ids: Set<Int64>) -> SQLQueryString {
        SQLQueryString(ids.sorted().map(String.init).joined(separator: ","))
    }
}
