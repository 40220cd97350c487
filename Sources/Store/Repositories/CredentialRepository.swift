import Domain
import Foundation
import SQLKit

/// A stored API token's metadata (never the token itself, only its hash).
public struct APITokenInfo: Sendable, Codable, Equatable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

/// API tokens, browser sessions and failed sign-in attempts.
public struct CredentialRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insertToken(userID: Int64, name: String, hash: String, at date: Date) async throws -> APITokenInfo {
        let row = try await db.raw("""
            INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (\(bind: userID), \(bind: name), \(bind: hash), \(bind: date.millis))
            RETURNING id
            """).first()
        return APITokenInfo(id: try row?.int64("id") ?? 0, userID: userID, name: name, createdAt: date)
    }

    public func tokens(of userID: Int64) async throws -> [APITokenInfo] {
        try await db.raw("SELECT * FROM api_tokens WHERE user_id = \(bind: userID) ORDER BY id").all().map { row in
            APITokenInfo(
                id: try row.int64("id"), userID: try row.int64("user_id"), name: try row.string("name"),
                createdAt: try row.date("created_at"), lastUsedAt: try row.dateOrNil("last_used_at"), revokedAt: try row.dateOrNil("revoked_at")
            )
        }
    }

    /// Revokes a token of `userID`; returns whether one was revoked.
    public func revokeToken(_ id: Int64, of userID: Int64, at date: Date) async throws -> Bool {
        let rows = try await db.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: date.millis) WHERE id = \(bind: id) AND user_id = \(bind: userID) AND revoked_at IS NULL
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    public func insertSession(hash: String, userID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date) async throws {
        try await db.raw("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: hash), \(bind: userID), \(bind: csrfToken), \(bind: createdAt.millis), \(bind: expiresAt.millis))
            """).run()
    }

    /// The user and CSRF token of an unexpired session.
    public func session(hash: String, now: Date) async throws -> (userID: Int64, csrfToken: String)? {
        guard let row = try await db.raw("""
            SELECT user_id, csrf_token FROM sessions WHERE token_hash = \(bind: hash) AND expires_at > \(bind: now.millis)
            """).first() else { return nil }
        return (try row.int64("user_id"), try row.string("csrf_token"))
    }

    public func deleteSession(hash: String) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: hash)").run()
    }

    public func recordLoginFailure(loginKey: String, at date: Date) async throws {
        try await db.raw("INSERT INTO login_failures (login_key, failed_at) VALUES (\(bind: loginKey), \(bind: date.millis))").run()
    }

    public func loginFailures(loginKey: String, since date: Date) async throws -> Int {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM login_failures WHERE login_key = \(bind: loginKey) AND failed_at > \(bind: date.millis)
            """).first()
        return Int(try row?.int64("n") ?? 0)
    }

    public func clearLoginFailures(loginKey: String) async throws {
        try await db.raw("DELETE FROM login_failures WHERE login_key = \(bind: loginKey)").run()
    }
}
