import Domain
import Foundation
import SQLKit
import Store

/// Administration of the IMAP accounts the workers poll: administrators only; the password is stored for the
/// poller and never returned. Every change appends an event and makes the account due at once.
public struct MailAccountService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    public func list(by principal: Principal) async throws -> [MailAccountView] {
        try AccessPolicy.requireAdmin(principal)
        return try await context.database.read { db in
            try await MailAccountRepository(db).all().map { MailAccountView(account: $0.account, status: $0.status) }
        }
    }

    /// Account `id` with its version (the `ETag`, the admin form's hidden `version`).
    public func get(_ id: Int64, by principal: Principal) async throws -> Versioned<MailAccountView> {
        try AccessPolicy.requireAdmin(principal)
        let found = try await context.database.read { db in
            try await Versioned.current(try await MailAccountRepository(db).find(id).map { MailAccountView(account: $0.account, status: $0.status) },
                                        in: Self.versions(db), id: id)
        }
        guard let found else { throw DomainError.notFound("No mail account \(id).") }
        return found
    }

    public func create(_ input: MailAccountInput, by principal: Principal) async throws -> Versioned<MailAccountView> {
        try AccessPolicy.requireAdmin(principal)
        let blank = MailAccount(id: 0, name: "", host: "", port: 143, security: .starttls, username: "", password: "", queueID: 0)
        let account = try MailAccountRules.merged(input, over: blank, isNew: true)
        return try await save(account, action: "created", by: principal)
    }

    /// Changes account `id`; with `expectedVersion`, an account changed meanwhile is refused as stale.
    public func update(
        _ id: Int64, _ input: MailAccountInput, expectedVersion: Int64? = nil, by principal: Principal
    ) async throws -> Versioned<MailAccountView> {
        let found = try await get(id, by: principal)
        let account = try MailAccountRules.merged(input, over: found.record.account, isNew: false)
        return try await save(account, expectedVersion: expectedVersion, action: "updated", by: principal)
    }

    public func delete(_ id: Int64, by principal: Principal) async throws {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        try await context.database.transaction { db in
            let repository = MailAccountRepository(db)
            guard let found = try await repository.find(id) else { throw DomainError.notFound("No mail account \(id).") }
            try await repository.delete(id)
            try await appendEvent(db, id: id, name: found.account.name, action: "deleted", by: principal, at: now)
        }
    }

    private func save(
        _ account: MailAccount, expectedVersion: Int64? = nil, action: String, by principal: Principal
    ) async throws -> Versioned<MailAccountView> {
        let now = context.now()
        return try await context.database.transaction { db in
            let repository = MailAccountRepository(db)
            guard try await Records<Queue>(db).find(account.queueID) != nil else {
                throw DomainError.invalid(FieldIssue(field: "queueId", .unknownReference(reference: String(account.queueID))))
            }
            if try await repository.nameExists(account.name, except: account.id) {
                throw DomainError.conflict("A mail account '\(account.name)' exists already.")
            }
            var (id, version) = (account.id, Versioned<MailAccount>.first)
            if id == 0 {
                id = try await repository.insert(account, at: now)
            } else {
                version = try await Versioned<MailAccount>.advance(Self.versions(db), id, from: expectedVersion, kind: "mail account")
                try await repository.update(account, at: now)
            }
            try await appendEvent(db, id: id, name: account.name, action: action, by: principal, at: now)
            guard let saved = try await repository.find(id) else { throw DomainError.notFound("No mail account \(id).") }
            return Versioned(MailAccountView(account: saved.account, status: saved.status), version: version)
        }
    }

    private static func versions(_ db: any SQLDatabase) -> RowVersions {
        RowVersions(db, table: "mail_accounts")
    }

    private func appendEvent(_ db: any SQLDatabase, id: Int64, name: String, action: String, by principal: Principal, at now: Date) async throws {
        try await EventRepository(db).append(
            type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
            payload: EventPayload.json(["kind": "mail_accounts", "id": String(id), "name": name, "action": action]), at: now)
    }
}
