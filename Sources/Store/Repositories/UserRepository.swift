import Domain
import Foundation
import SQLKit

/// Users, their roles and credentials.
public struct UserRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func find(_ id: Int64) async throws -> User? {
        try await decode(db.raw("SELECT * FROM users WHERE id = \(bind: id)").all()).first
    }

    /// The principal of the active user holding the unrevoked API token with this hash, or nil. Every API
    /// request asks this, so it is one query: the token, its user, the user's queue rights and organisation.
    public func principal(forTokenHash hash: String) async throws -> Principal? {
        try activePrincipal(try await db.preparing.raw(
            Self.principalQuery(from: "api_tokens k JOIN users u ON u.id = k.user_id", where: "k.token_hash = \(bind: hash) AND k.revoked_at IS NULL")
        ).all())
    }

    /// The principal of the user with this id if the user is active, or nil; one query, as for tokens.
    public func activePrincipal(userID: Int64) async throws -> Principal? {
        try activePrincipal(try await db.preparing.raw(Self.principalQuery(from: "users u", where: "u.id = \(bind: userID)")).all())
    }

    /// The principal of the active user `u` that `source` and `condition` select, read in one query: one row per
    /// role and queue right of the user's roles (agents), each carrying the user, the role's role-wide rights and
    /// the organisation of the contact (customers). Nothing is cached, so a revoked token or a changed role counts
    /// from the next request on; only PostgreSQL's plan of the query is kept (`SQLDatabase.preparing`).
    private static func principalQuery(from source: SQLQueryString, where condition: SQLQueryString) -> SQLQueryString {
        """
        SELECT u.id, u.login, u.email, u.first_name, u.last_name, u.is_agent, u.is_customer, u.is_admin, u.contact_id,
            u.sees_organisation, u.locale, u.is_active, u.totp_secret, u.created_at, u.version,
            ro.rights AS role_bits, r.queue_id AS right_queue_id, r.rights AS right_bits, c.organisation_id AS member_organisation_id
        FROM \(source)
        LEFT JOIN user_roles ur ON u.is_agent = \(bind: true) AND ur.user_id = u.id
        LEFT JOIN roles ro ON ro.id = ur.role_id
        LEFT JOIN role_queue_rights r ON r.role_id = ur.role_id
        LEFT JOIN contacts c ON u.is_customer = \(bind: true) AND c.id = u.contact_id
        WHERE \(condition)
        """
    }

    /// The principal from the rows of a principal query.
    private func activePrincipal(_ rows: [any SQLRow]) throws -> Principal? {
        guard let first = rows.first else { return nil }
        // A principal's rights come from the roles through `role_queue_rights`; it needs no role ids.
        let user = try decode(first, roleIDs: [])
        guard user.isActive else { return nil }
        let rights = try rows.compactMap { row -> (queueID: Int64, rights: Int64)? in
            guard let queue = try row.int64OrNil("right_queue_id") else { return nil }
            return (queue, try row.int64("right_bits"))
        }
        let roleRights = try rows.compactMap { try $0.int64OrNil("role_bits") }
        return Self.principal(of: user, rights: rights, roleRights: roleRights, memberOrganisationID: try first.int64OrNil("member_organisation_id"))
    }

    public func find(login: String) async throws -> User? {
        try await decode(db.raw("SELECT * FROM users WHERE login_key = \(bind: login.lowercased())").all()).first
    }

    /// Users ordered by id, after `cursor`; with `text`, only those whose login, name or mail address contains it
    /// (case-insensitively for ASCII letters).
    public func list(after cursor: Int64?, limit: Int, matching text: String? = nil) async throws -> [User] {
        var condition: SQLQueryString = "1 = 1"
        if let text, !text.isEmpty {
            let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let pattern = "%" + escaped + "%"
            condition = """
                (login_key LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(first_name || ' ' || last_name) LIKE \(bind: pattern) ESCAPE '\\'
                 OR LOWER(COALESCE(email, '')) LIKE \(bind: pattern) ESCAPE '\\')
                """
        }
        return try await decode(db.raw("""
            SELECT * FROM users WHERE id > \(bind: cursor ?? 0) AND \(condition) ORDER BY id LIMIT \(literal: limit)
            """).all())
    }

    /// The active agents, whatever the number of customer accounts.
    public func activeAgents() async throws -> [User] {
        try await decode(db.raw("SELECT * FROM users WHERE is_agent = \(bind: true) AND is_active = \(bind: true) ORDER BY id").all())
    }

    /// The stored credentials of a user: bcrypt hash and TOTP secret.
    public func credentials(of id: Int64) async throws -> (passwordHash: String?, totpSecret: String?) {
        guard let row = try await db.raw("SELECT password_hash, totp_secret FROM users WHERE id = \(bind: id)").first() else {
            return (nil, nil)
        }
        return (try row.stringOrNil("password_hash"), try row.stringOrNil("totp_secret"))
    }

    public func insert(_ user: User, passwordHash: String?) async throws -> User {
        let row = try await db.raw("""
            INSERT INTO users (login, login_key, email, first_name, last_name, password_hash, is_agent, is_customer, is_admin,
                contact_id, sees_organisation, locale, is_active, created_at)
            VALUES (\(bind: user.login), \(bind: user.login.lowercased()), \(bind: user.email), \(bind: user.firstName),
                \(bind: user.lastName), \(bind: passwordHash), \(bind: user.isAgent), \(bind: user.isCustomer), \(bind: user.isAdmin),
                \(bind: user.contactID), \(bind: user.seesOrganisationTickets), \(bind: user.locale), \(bind: user.isActive),
                \(bind: user.createdAt.millis))
            RETURNING id
            """).first()
        var stored = user
        stored.id = try row?.int64("id") ?? 0
        try await setRoles(of: stored.id, to: user.roleIDs)
        return stored
    }

    /// Writes the account's attributes and roles and counts its version up; with `expectedVersion`, only while the row is
    /// still at that version. Returns the new version, or nil when nothing was written.
    public func update(_ user: User, expectedVersion: Int64? = nil) async throws -> Int64? {
        let versionCheck: SQLQueryString = expectedVersion.map { " AND version = \(bind: $0)" } ?? ""
        let row = try await db.raw("""
            UPDATE users SET login = \(bind: user.login), login_key = \(bind: user.login.lowercased()), email = \(bind: user.email),
                first_name = \(bind: user.firstName), last_name = \(bind: user.lastName), is_agent = \(bind: user.isAgent),
                is_customer = \(bind: user.isCustomer), is_admin = \(bind: user.isAdmin), contact_id = \(bind: user.contactID),
                sees_organisation = \(bind: user.seesOrganisationTickets), locale = \(bind: user.locale), is_active = \(bind: user.isActive),
                version = version + 1
            WHERE id = \(bind: user.id)\(versionCheck) RETURNING version
            """).first()
        guard let version = try row?.int64("version") else { return nil }
        try await setRoles(of: user.id, to: user.roleIDs)
        return version
    }

    public func setPasswordHash(of id: Int64, to hash: String) async throws {
        try await db.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: id)").run()
    }

    public func setTOTPSecret(of id: Int64, to secret: String?) async throws {
        try await db.raw("UPDATE users SET totp_secret = \(bind: secret), totp_pending = NULL WHERE id = \(bind: id)").run()
    }

    /// Stores a second-factor secret that takes effect once confirmed with a code.
    public func setPendingTOTPSecret(of id: Int64, to secret: String) async throws {
        try await db.raw("UPDATE users SET totp_pending = \(bind: secret) WHERE id = \(bind: id)").run()
    }

    public func pendingTOTPSecret(of id: Int64) async throws -> String? {
        try await db.raw("SELECT totp_pending FROM users WHERE id = \(bind: id)").first()?.stringOrNil("totp_pending")
    }

    private func setRoles(of userID: Int64, to roleIDs: [Int64]) async throws {
        try await db.raw("DELETE FROM user_roles WHERE user_id = \(bind: userID)").run()
        for roleID in Set(roleIDs) {
            try await db.raw("INSERT INTO user_roles (user_id, role_id) VALUES (\(bind: userID), \(bind: roleID))").run()
        }
    }

    /// Everything the access policy needs about a user: merged queue and role-wide rights and visible organisations.
    public func principal(for user: User) async throws -> Principal {
        var rights: [(queueID: Int64, rights: Int64)] = []
        var roleRights: [Int64] = []
        if user.isAgent {
            rights = try await db.raw("""
                SELECT r.queue_id, r.rights FROM role_queue_rights r JOIN user_roles u ON u.role_id = r.role_id
                WHERE u.user_id = \(bind: user.id)
                """).all().map { (try $0.int64("queue_id"), try $0.int64("rights")) }
            roleRights = try await db.raw("SELECT r.rights FROM roles r JOIN user_roles u ON u.role_id = r.id WHERE u.user_id = \(bind: user.id)")
                .all().map { try $0.int64("rights") }
        }
        var member: Int64?
        if user.isCustomer, let contactID = user.contactID,
           let row = try await db.raw("SELECT organisation_id FROM contacts WHERE id = \(bind: contactID)").first() {
            member = try row.int64OrNil("organisation_id")
        }
        return Self.principal(of: user, rights: rights, roleRights: roleRights, memberOrganisationID: member)
    }

    /// The principal of `user` with the queue rights of its roles (merged per queue), their role-wide rights and
    /// its contact's organisation.
    private static func principal(
        of user: User, rights: [(queueID: Int64, rights: Int64)], roleRights: [Int64], memberOrganisationID member: Int64?
    ) -> Principal {
        var merged: [Int64: QueueRights] = [:]
        var roleWide: RoleRights = []
        if user.isAgent {
            for (queue, bits) in rights {
                merged[queue, default: []].formUnion(QueueRights(rawValue: UInt16(truncatingIfNeeded: bits)))
            }
            for bits in roleRights {
                roleWide.formUnion(RoleRights(rawValue: UInt16(truncatingIfNeeded: bits)))
            }
        }
        let member = user.isCustomer && user.contactID != nil ? member : nil
        let organisations = user.seesOrganisationTickets ? member.map { [$0] } ?? [] : []
        return Principal(
            userID: user.id, login: user.login, isAgent: user.isAgent, isAdmin: user.isAdmin, queueRights: merged,
            contactID: user.isCustomer ? user.contactID : nil, organisationIDs: organisations, memberOrganisationID: member, locale: user.locale,
            rights: roleWide
        )
    }

    /// Users from rows, with their role ids loaded in one query.
    private func decode(_ rows: [any SQLRow]) async throws -> [User] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.int64("id") }
        var roles: [Int64: [Int64]] = [:]
        for row in try await db.raw("SELECT user_id, role_id FROM user_roles WHERE user_id IN (\(binds: ids)) ORDER BY role_id").all() {
            roles[try row.int64("user_id"), default: []].append(try row.int64("role_id"))
        }
        return try rows.map { try decode($0, roleIDs: roles[try $0.int64("id")] ?? []) }
    }

    private func decode(_ row: any SQLRow, roleIDs: [Int64]) throws -> User {
        User(
            id: try row.int64("id"), login: try row.string("login"), email: try row.stringOrNil("email"),
            firstName: try row.string("first_name"), lastName: try row.string("last_name"),
            isAgent: try row.bool("is_agent"), isCustomer: try row.bool("is_customer"), isAdmin: try row.bool("is_admin"),
            contactID: try row.int64OrNil("contact_id"), seesOrganisationTickets: try row.bool("sees_organisation"),
            locale: try row.string("locale"), isActive: try row.bool("is_active"),
            totpEnabled: try row.stringOrNil("totp_secret") != nil, roleIDs: roleIDs, createdAt: try row.date("created_at"),
            version: try row.int64("version")
        )
    }
}
