import Domain
import Foundation
import SQLKit
import Store

/// Changes to a user account as administrators send them: every key optional, a missing key keeps its value;
/// an empty `email` removes the address.
public struct UserChange: Sendable, Decodable {
    public var email: String?
    public var firstName: String?
    public var lastName: String?
    public var isAgent: Bool?
    public var isCustomer: Bool?
    public var isAdmin: Bool?
    public var contactId: Int64?
    public var seesOrganisationTickets: Bool?
    public var locale: String?
    /// False deactivates the account: it can no longer sign in, and its sessions and tokens stop working.
    public var isActive: Bool?
    public var roleIds: [Int64]?

    public init() {}
}

extension UserService {
    /// Changes a user's names, address, kind, language, roles or whether the account is active (administrators
    /// only). Administrators cannot deactivate themselves or take away their own administration right, so that an
    /// installation never loses its last way in by accident. With `expectedVersion`, a user changed meanwhile is refused
    /// as stale.
    public func update(_ id: Int64, _ change: UserChange, expectedVersion: Int64? = nil, by principal: Principal) async throws -> User {
        try AccessPolicy.requireAdmin(principal)
        if id == principal.userID, change.isActive == false {
            throw DomainError.invalid(FieldIssue(field: "isActive", .notAllowed, detail: "You cannot deactivate your own account."))
        }
        if id == principal.userID, change.isAdmin == false {
            throw DomainError.invalid(FieldIssue(field: "isAdmin", .notAllowed, detail: "You cannot take away your own administration right."))
        }
        if let locale = change.locale { try Self.checkLocale(locale) }
        let email: String?? = try change.email.map { text throws(DomainError) in
            text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try AddressRules.normalise(text, field: "email")
        }
        let now = context.now()
        return try await context.database.transaction { db in
            let users = UserRepository(db)
            guard var user = try await users.find(id) else { throw DomainError.notFound("No user \(id).") }
            if let email { user.email = email }
            if let firstName = change.firstName { user.firstName = firstName.trimmingCharacters(in: .whitespaces) }
            if let lastName = change.lastName { user.lastName = lastName.trimmingCharacters(in: .whitespaces) }
            if let isAgent = change.isAgent { user.isAgent = isAgent }
            if let isCustomer = change.isCustomer { user.isCustomer = isCustomer }
            if let isAdmin = change.isAdmin { user.isAdmin = isAdmin }
            if let contactID = change.contactId { user.contactID = contactID }
            if let sees = change.seesOrganisationTickets { user.seesOrganisationTickets = sees }
            if let locale = change.locale { user.locale = locale }
            if let isActive = change.isActive { user.isActive = isActive }
            if let roleIDs = change.roleIds { user.roleIDs = Array(Set(roleIDs)).sorted() }
            try await Self.checkReferences(roleIDs: user.roleIDs, contactID: user.contactID, isCustomer: user.isCustomer, db: db)
            guard let version = try await users.update(user, expectedVersion: expectedVersion) else {
                throw DomainError.stale(Versioned<User>.staleMessage("user", id, current: try await users.find(id)?.version, sent: expectedVersion))
            }
            user.version = version
            try await Self.appendEvent(user, action: change.isActive == false ? "deactivated" : "updated", by: principal, at: now, db: db)
            return user
        }
    }

    /// Replaces a role's name, comment, rights per queue and role-wide rights (administrators only); agents holding it have the new
    /// rights with their next request. With `expectedVersion`, a role changed meanwhile is refused as stale.
    public func updateRole(_ id: Int64, _ input: RoleInput, expectedVersion: Int64? = nil, by principal: Principal) async throws -> Role {
        try await saveRole(id, input, expectedVersion: expectedVersion, by: principal)
    }

    /// Creates (`id == nil`) or replaces a role after checking its name, right names and queues.
    func saveRole(_ id: Int64?, _ input: RoleInput, expectedVersion: Int64? = nil, by principal: Principal) async throws -> Role {
        try AccessPolicy.requireAdmin(principal)
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(name.count) else { throw DomainError.invalid(FieldIssue(field: "name", .length(min: 1, max: 200))) }
        var rights: [Int64: QueueRights] = [:]
        for (key, names) in input.queues {
            guard let queue = Int64(key) else {
                throw DomainError.invalid(FieldIssue(field: "queues", .unknownReference(reference: key), detail: "Keys must be queue ids."))
            }
            guard let set = QueueRights(names: names) else {
                throw DomainError.invalid(FieldIssue(
                    field: "queues.\(key)", .invalidChoice, detail: "Rights are read, create, note, reply, move, owner, priority, admin."
                ))
            }
            rights[queue] = set
        }
        guard let roleRights = RoleRights(names: input.rights ?? []) else {
            throw DomainError.invalid(FieldIssue(
                field: "rights", .invalidChoice, detail: "Role rights are \(RoleRights.names.map(\.0).joined(separator: ", "))."
            ))
        }
        let now = context.now()
        let requested = rights
        return try await context.database.transaction { db in
            let queues = try await Records<Queue>(db).all()
            for queue in requested.keys.sorted() where !queues.contains(where: { $0.id == queue }) {
                throw DomainError.invalid(FieldIssue(field: "queues.\(queue)", .unknownReference(reference: String(queue))))
            }
            let repository = RoleRepository(db)
            let roles = try await repository.all()
            if let id, !roles.contains(where: { $0.id == id }) { throw DomainError.notFound("No role \(id).") }
            if roles.contains(where: { $0.id != id && $0.name.lowercased() == name.lowercased() }) {
                throw DomainError.conflict("A role named '\(name)' exists already.")
            }
            let kept = input.rights == nil ? roles.first { $0.id == id }?.rights ?? [] : roleRights.completed
            var role: Role
            if let id {
                role = Role(id: id, name: name, comment: input.comment, queueRights: requested, rights: kept)
                guard let version = try await repository.update(role, expectedVersion: expectedVersion) else {
                    throw DomainError.stale(Versioned<Role>.staleMessage("role", id, current: roles.first { $0.id == id }?.version, sent: expectedVersion))
                }
                role.version = version
            } else {
                role = try await repository.insert(Role(id: 0, name: name, comment: input.comment, queueRights: requested, rights: kept))
            }
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "role", "id": String(role.id), "name": name, "action": id == nil ? "created" : "updated"]),
                at: now
            )
            return role
        }
    }

    static func checkLocale(_ locale: String) throws(DomainError) {
        guard ["de", "en"].contains(locale) else { throw DomainError.invalid(FieldIssue(field: "locale", .invalidChoice)) }
    }

    /// Refuses unknown roles and contacts, and a customer account without a contact.
    static func checkReferences(roleIDs: [Int64], contactID: Int64?, isCustomer: Bool, db: any SQLDatabase) async throws {
        let roles = try await RoleRepository(db).all()
        for id in roleIDs where !roles.contains(where: { $0.id == id }) {
            throw DomainError.invalid(FieldIssue(field: "roleIds", .unknownReference(reference: String(id))))
        }
        if let contactID, try await ContactRepository(db).find(contactID) == nil {
            throw DomainError.invalid(FieldIssue(field: "contactId", .unknownReference(reference: String(contactID))))
        }
        if isCustomer, contactID == nil { throw DomainError.invalid(FieldIssue(field: "contactId", .required)) }
    }

    /// Records a change of `user`'s account in the event log (the administrators' change log reads it).
    static func appendEvent(_ user: User, action: String, by principal: Principal, at now: Date, db: any SQLDatabase) async throws {
        try await EventRepository(db).append(
            type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
            payload: EventPayload.json(["kind": "user", "id": String(user.id), "name": user.login, "action": action]), at: now
        )
    }
}
