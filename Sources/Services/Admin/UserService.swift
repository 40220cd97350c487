import Domain
import Foundation
import Store

/// A new user account as administrators (or the CLI) submit it.
public struct NewUser: Sendable, Decodable {
    public var login: String
    public var password: String?
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var isAgent: Bool?
    public var isCustomer: Bool?
    public var isAdmin: Bool?
    public var contactId: Int64?
    public var seesOrganisationTickets: Bool?
    public var locale: String?
    public var roleIds: [Int64]?

    public init(login: String, password: String?, isAgent: Bool = true, isAdmin: Bool = false) {
        self.login = login
        self.password = password
        self.isAgent = isAgent
        self.isAdmin = isAdmin
    }
}

/// A role as administrators submit it: rights by queue id, and role-wide rights.
public struct RoleInput: Sendable, Decodable {
    public var name: String
    public var comment: String?
    /// Queue id (as a string key, JSON objects have string keys) → right names.
    public var queues: [String: [String]]
    /// Role-wide right names (`cmdb.read`, `cmdb.write`); nil keeps a role's rights (none for a new role).
    public var rights: [String]?

    public init(name: String, comment: String? = nil, queues: [String: [String]], rights: [String]? = nil) {
        self.name = name
        self.comment = comment
        self.queues = queues
        self.rights = rights
    }
}

/// Users and roles.
public struct UserService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    public func create(_ input: NewUser, by principal: Principal) async throws -> User {
        try AccessPolicy.requireAdmin(principal)
        let login = input.login.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(login.count), login.allSatisfy({ $0.isLetter || $0.isNumber || ".-_@".contains($0) }) else {
            throw DomainError.invalid(FieldIssue(field: "login", .invalidFormat, detail: "A login has 1 to 100 letters, digits and . - _ @."))
        }
        let locale = input.locale ?? "de"
        try Self.checkLocale(locale)
        let email = try input.email.map { address throws(DomainError) in try AddressRules.normalise(address, field: "email") }
        let hash: String? = if let password = input.password { try await AuthService(context: context).hashPassword(password) } else { nil }
        let now = context.now()
        return try await context.database.transaction { db in
            let users = UserRepository(db)
            if try await users.find(login: login) != nil { throw DomainError.conflict("The login '\(login)' is taken.") }
            let isCustomer = input.isCustomer ?? false
            try await Self.checkReferences(roleIDs: input.roleIds ?? [], contactID: input.contactId, isCustomer: isCustomer, db: db)
            let user = try await users.insert(User(
                id: 0, login: login, email: email, firstName: input.firstName ?? "", lastName: input.lastName ?? "",
                isAgent: input.isAgent ?? !isCustomer, isCustomer: isCustomer, isAdmin: input.isAdmin ?? false,
                contactID: input.contactId, seesOrganisationTickets: input.seesOrganisationTickets ?? false, locale: locale,
                roleIDs: input.roleIds ?? [], createdAt: now
            ), passwordHash: hash)
            try await Self.appendEvent(user, action: "created", by: principal, at: now, db: db)
            return user
        }
    }

    /// A page of users by id; with `text`, only those whose login, name or mail address contains it.
    public func list(after cursor: Int64?, limit: Int, matching text: String? = nil, by principal: Principal) async throws -> Page<User> {
        try AccessPolicy.requireAgent(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let text = text?.trimmingCharacters(in: .whitespaces)
        let users = try await context.database.read { db in try await UserRepository(db).list(after: cursor, limit: limit + 1, matching: text) }
        return Page(fetched: users, limit: limit) { $0.id }
    }

    /// The active agents (owner and responsible choices); agents only.
    public func activeAgents(by principal: Principal) async throws -> [User] {
        try AccessPolicy.requireAgent(principal)
        return try await context.database.read { db in try await UserRepository(db).activeAgents() }
    }

    public func user(_ id: Int64, by principal: Principal) async throws -> User {
        guard principal.userID == id || principal.isAgent || principal.isAdmin else { throw DomainError.notFound("No user \(id).") }
        guard let user = try await context.database.read({ db in try await UserRepository(db).find(id) }) else {
            throw DomainError.notFound("No user \(id).")
        }
        return user
    }

    /// Sets a user's password: the user themself (knowing the current one) or an administrator.
    public func setPassword(of id: Int64, current: String?, new: String, by principal: Principal) async throws {
        guard principal.userID == id || principal.isAdmin else { throw DomainError.forbidden("You may change only your own password.") }
        let hash = try await AuthService(context: context).hashPassword(new)
        // bcrypt runs outside the transaction, so that it never holds the (SQLite: only) writer.
        let stored = try await context.database.read { db in
            let users = UserRepository(db)
            guard try await users.find(id) != nil else { throw DomainError.notFound("No user \(id).") }
            return try await users.credentials(of: id).passwordHash
        }
        if !principal.isAdmin {
            guard let current, let stored, try await PasswordHashing.verify(current, hash: stored) else {
                throw DomainError.invalid(FieldIssue(field: "currentPassword", .incorrect))
            }
        }
        let now = context.now()
        try await context.database.transaction { db in
            let users = UserRepository(db)
            try await users.setPasswordHash(of: id, to: hash)
            // Someone else's password is an administrative change; one's own is not.
            if principal.userID != id, let user = try await users.find(id) {
                try await Self.appendEvent(user, action: "passwordSet", by: principal, at: now, db: db)
            }
        }
    }

    /// Sets the language a user's interface and mails use ("de" or "en"): the user themself or an administrator.
    public func setLocale(of id: Int64, to locale: String, by principal: Principal) async throws {
        guard principal.userID == id || principal.isAdmin else { throw DomainError.forbidden("You may change only your own language.") }
        try Self.checkLocale(locale)
        try await context.database.transaction { db in
            let users = UserRepository(db)
            guard var user = try await users.find(id) else { throw DomainError.notFound("No user \(id).") }
            user.locale = locale
            try await users.update(user)
        }
    }

    public func roles(by principal: Principal) async throws -> [Role] {
        try AccessPolicy.requireAgent(principal)
        return try await context.database.read { db in try await RoleRepository(db).all() }
    }

    public func createRole(_ input: RoleInput, by principal: Principal) async throws -> Role {
        try await saveRole(nil, input, by: principal)
    }
}
