import Domain
import Foundation
import Store

/// Signing in and out, API tokens, and turning credentials into a `Principal`.
public struct AuthService: Sendable {
    let context: ServiceContext

    /// Failed sign-ins per login within `lockoutWindow` after which further attempts are refused.
    static let maxFailures = 5
    static let lockoutWindow: TimeInterval = 15 * 60

    public init(context: ServiceContext) {
        self.context = context
    }

    /// A new browser session: the cookie value (given to the browser only) and the CSRF token for its forms.
    public struct SessionGrant: Sendable {
        public let sessionToken: String
        public let csrfToken: String
        public let principal: Principal
        public let expiresAt: Date
    }

    /// The principal behind an API token, or nil when the token is unknown or revoked.
    public func principal(forToken token: String) async throws -> Principal? {
        let hash = Secrets.hash(token)
        return try await context.database.read { db in try await UserRepository(db).principal(forTokenHash: hash) }
    }

    /// The principal and CSRF token behind a session cookie, or nil when it is unknown or expired.
    public func session(_ token: String) async throws -> (principal: Principal, csrfToken: String)? {
        let hash = Secrets.hash(token)
        let now = context.now()
        return try await context.database.read { db in
            guard let (userID, csrf) = try await CredentialRepository(db).session(hash: hash, now: now),
                  let principal = try await UserRepository(db).activePrincipal(userID: userID)
            else { return nil }
            return (principal, csrf)
        }
    }

    /// Checks login, password and (when enabled) the TOTP code; opens a session.
    /// Too many failures for one login within 15 minutes lock further attempts out.
    public func signIn(login: String, password: String, totpCode: String?) async throws -> SessionGrant {
        let now = context.now()
        let key = login.lowercased()
        let lifetime = context.configuration.sessionLifetime
        let (user, credentials) = try await context.database.read { db in
            let failures = try await CredentialRepository(db).loginFailures(loginKey: key, since: now.addingTimeInterval(-Self.lockoutWindow))
            guard failures < Self.maxFailures else {
                throw DomainError.rateLimited("Too many failed sign-ins. Try again in 15 minutes.")
            }
            let user = try await UserRepository(db).find(login: login)
            var credentials: (passwordHash: String?, totpSecret: String?)?
            if let user { credentials = try await UserRepository(db).credentials(of: user.id) }
            return (user, credentials)
        }
        var passwordOK = false
        if let stored = credentials?.passwordHash { passwordOK = try await PasswordHashing.verify(password, hash: stored) }
        let totpOK = credentials?.totpSecret.map { secret in totpCode.map { TOTP.verify($0, secret: secret, at: now) } ?? false } ?? true
        guard let user, user.isActive, passwordOK, totpOK else {
            try await context.database.transaction { db in
                try await CredentialRepository(db).recordLoginFailure(loginKey: key, at: now)
            }
            throw DomainError.unauthenticated("Wrong login, password or one-time code.")
        }
        let sessionToken = Secrets.newToken(prefix: "tws_")
        let csrfToken = Secrets.newToken(prefix: "")
        let expiresAt = now.addingTimeInterval(lifetime)
        let principal = try await context.database.transaction { db in
            let credentials = CredentialRepository(db)
            try await credentials.clearLoginFailures(loginKey: key)
            try await credentials.insertSession(
                hash: Secrets.hash(sessionToken), userID: user.id, csrfToken: csrfToken, createdAt: now, expiresAt: expiresAt
            )
            return try await UserRepository(db).principal(for: user)
        }
        return SessionGrant(sessionToken: sessionToken, csrfToken: csrfToken, principal: principal, expiresAt: expiresAt)
    }

    /// Ends a browser session.
    public func signOut(sessionToken: String) async throws {
        try await context.database.transaction { db in
            try await CredentialRepository(db).deleteSession(hash: Secrets.hash(sessionToken))
        }
    }

    /// Creates an API token for the user `login`; returns the token, which is shown once and stored only hashed.
    public func createToken(forLogin login: String, name: String, by principal: Principal) async throws -> (token: String, info: APITokenInfo) {
        let token = Secrets.newToken()
        let now = context.now()
        let info = try await context.database.transaction { db in
            // Refused before looking further, so the answer does not tell others which logins exist.
            let user = try await UserRepository(db).find(login: login)
            guard principal.isAdmin || user?.id == principal.userID else {
                throw DomainError.forbidden("Only administrators create tokens for other users.")
            }
            guard let user, user.isActive else {
                throw DomainError.notFound("No active user '\(login)'.")
            }
            return try await CredentialRepository(db).insertToken(userID: user.id, name: name, hash: Secrets.hash(token), at: now)
        }
        return (token, info)
    }

    /// The tokens of the signed-in user (metadata only).
    public func tokens(of principal: Principal) async throws -> [APITokenInfo] {
        try await context.database.read { db in try await CredentialRepository(db).tokens(of: principal.userID) }
    }

    /// Revokes one of the signed-in user's tokens.
    public func revokeToken(_ id: Int64, by principal: Principal) async throws {
        let now = context.now()
        try await context.database.transaction { db in
            guard try await CredentialRepository(db).revokeToken(id, of: principal.userID, at: now) else {
                throw DomainError.notFound("No active token \(id).")
            }
        }
    }

    /// Hashes a password with bcrypt at the configured cost.
    public func hashPassword(_ password: String) async throws -> String {
        guard password.count >= 8 else { throw DomainError.invalid(FieldIssue(field: "password", .tooShort(min: 8))) }
        guard password.utf8.count <= 72 else { throw DomainError.invalid(FieldIssue(field: "password", .tooLong(max: 72), detail: "A password may have at most 72 bytes.")) }
        return try await PasswordHashing.hash(password, cost: context.configuration.bcryptCost)
    }
}
