import Foundation
import SQLKit
import Testing

/// Row counts of every table a request could write, taken in one query, to prove that a refused request
/// changed nothing.
struct DatabaseSnapshot: Equatable, Sendable, CustomStringConvertible {
    static let tables = [
        "tickets", "articles", "attachments", "blobs", "history", "events", "links", "watchers", "time_entries", "seen",
        "field_definitions", "field_values", "contacts", "contact_emails", "organisations", "organisation_domains",
        "queues", "states", "priorities", "ticket_types", "services", "users", "user_roles", "roles", "role_queue_rights",
        "api_tokens", "sessions", "counters",
    ]

    let counts: [String: Int]
    /// Revoked tokens and the newest change time of any ticket: changes that leave counts alone.
    let revokedTokens: Int
    let ticketVersions: Int

    var description: String { counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }

    /// The tables whose counts differ from `other`.
    func difference(from other: DatabaseSnapshot) -> [String] {
        var changed = counts.keys.filter { counts[$0] != other.counts[$0] }.sorted()
        if revokedTokens != other.revokedTokens { changed.append("api_tokens.revoked_at") }
        if ticketVersions != other.ticketVersions { changed.append("tickets.version") }
        return changed
    }
}

extension TestSystem {
    /// The current row counts of `DatabaseSnapshot.tables`.
    func snapshot() async throws -> DatabaseSnapshot {
        try await database.read { db in
            var parts = DatabaseSnapshot.tables.map { table in
                SQLQueryString("SELECT \(literal: table) AS name, CAST(COUNT(*) AS BIGINT) AS n FROM \(ident: table)")
            }
            parts.append("SELECT '#revoked' AS name, COUNT(*) AS n FROM api_tokens WHERE revoked_at IS NOT NULL")
            parts.append("SELECT '#versions' AS name, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS n FROM tickets")
            var counts: [String: Int] = [:]
            for row in try await db.raw(parts.joined(separator: " UNION ALL ")).all() {
                counts[try row.decode(column: "name", as: String.self)] = Int(try row.decode(column: "n", as: Int64.self))
            }
            let revoked = counts.removeValue(forKey: "#revoked") ?? 0
            let versions = counts.removeValue(forKey: "#versions") ?? 0
            return DatabaseSnapshot(counts: counts, revokedTokens: revoked, ticketVersions: versions)
        }
    }

    /// Expects the database to be as `before`.
    func expectUnchanged(since before: DatabaseSnapshot, _ comment: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let after = try await snapshot()
        let changed = after.difference(from: before)
        #expect(changed.isEmpty, "\(comment()) changed \(changed.joined(separator: ", "))", sourceLocation: sourceLocation)
    }
}
