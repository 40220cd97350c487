import Domain
import Foundation
import Store

/// Turning the TOTP second factor on and off for one's own account.
///
/// Enrolment is two steps so a typo in the authenticator app cannot lock anyone out: `begin` stores a
/// pending secret, `confirm` activates it only with a valid code. Turning it off also needs a valid code.
public struct SecondFactorService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    /// A new pending secret and its `otpauth://` URI for authenticator apps.
    public struct Enrolment: Sendable, Encodable {
        public let secret: String
        public let uri: String
    }

    /// Whether the principal signs in with a one-time code.
    public func isEnabled(for principal: Principal) async throws -> Bool {
        try await context.database.read { db in try await UserRepository(db).credentials(of: principal.userID).totpSecret != nil }
    }

    public func begin(for principal: Principal) async throws -> Enrolment {
        guard !principal.isSystem else { throw DomainError.forbidden("The system has no second factor.") }
        let secret = TOTP.newSecret()
        try await context.database.transaction { db in
            try await UserRepository(db).setPendingTOTPSecret(of: principal.userID, to: secret)
        }
        let label = "Ticketwerk:\(principal.login)".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "Ticketwerk"
        return Enrolment(secret: secret, uri: "otpauth://totp/\(label)?secret=\(secret)&issuer=Ticketwerk&digits=6&period=30")
    }

    public func confirm(code: String, for principal: Principal) async throws {
        let now = context.now()
        try await context.database.transaction { db in
            let users = UserRepository(db)
            guard let secret = try await users.pendingTOTPSecret(of: principal.userID) else {
                throw DomainError.conflict("Start the enrolment first.")
            }
            guard TOTP.verify(code, secret: secret, at: now) else { throw DomainError.invalid(FieldIssue(field: "code", .incorrect)) }
            try await users.setTOTPSecret(of: principal.userID, to: secret)
        }
    }

    public func disable(code: String, for principal: Principal) async throws {
        let now = context.now()
        try await context.database.transaction { db in
            let users = UserRepository(db)
            guard let secret = try await users.credentials(of: principal.userID).totpSecret else {
                throw DomainError.conflict("The second factor is not enabled.")
            }
            guard TOTP.verify(code, secret: secret, at: now) else { throw DomainError.invalid(FieldIssue(field: "code", .incorrect)) }
            try await users.setTOTPSecret(of: principal.userID, to: nil)
        }
    }
}
