import Domain
import Foundation
import SQLKit

/// The portal's record of each ticket created through it.
public struct PortalRequestRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ request: PortalRequest) async throws {
        try await db.raw("""
            INSERT INTO portal_requests (ticket_id, form_id, form_version, category_id, language, requester_email, requester_name,
                status_token_hash, created_at)
            VALUES (\(bind: request.ticketID), \(bind: request.formID), \(bind: request.formVersion), \(bind: request.categoryID),
                \(bind: request.language), \(bind: request.requesterEmail), \(bind: request.requesterName), \(bind: request.statusTokenHash),
                \(bind: request.createdAt.millis))
            """).run()
    }

    public func find(ticketID: Int64) async throws -> PortalRequest? {
        try await db.raw("SELECT * FROM portal_requests WHERE ticket_id = \(bind: ticketID)").first().map(Self.decode)
    }

    /// The request whose private status link carries the token with this hash.
    public func find(statusTokenHash: String) async throws -> PortalRequest? {
        try await db.raw("SELECT * FROM portal_requests WHERE status_token_hash = \(bind: statusTokenHash)").first().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> PortalRequest {
        PortalRequest(
            ticketID: try row.int64("ticket_id"), formID: try row.int64OrNil("form_id"), formVersion: try row.int64OrNil("form_version"),
            categoryID: try row.int64OrNil("category_id"), language: try row.string("language"),
            requesterEmail: try row.stringOrNil("requester_email"), requesterName: try row.stringOrNil("requester_name"),
            statusTokenHash: try row.stringOrNil("status_token_hash"), createdAt: try row.date("created_at")
        )
    }
}
