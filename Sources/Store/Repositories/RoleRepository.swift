import Domain
import SQLKit

/// Roles and the queue and role-wide rights they grant.
public struct RoleRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [Role] {
        let rows = try await db.raw("SELECT * FROM roles ORDER BY id").all()
        let rights = try await db.raw("SELECT role_id, queue_id, rights FROM role_queue_rights").all()
        var byRole: [Int64: [Int64: QueueRights]] = [:]
        for row in rights {
            byRole[try row.int64("role_id"), default: [:]][try row.int64("queue_id")] =
                QueueRights(rawValue: UInt16(truncatingIfNeeded: try row.int64("rights")))
        }
        return try rows.map { row in
            let id = try row.int64("id")
            return Role(
                id: id, name: try row.string("name"), comment: try row.stringOrNil("comment"), queueRights: byRole[id] ?? [:],
                rights: RoleRights(rawValue: UInt16(truncatingIfNeeded: try row.int64("rights")))
            )
        }
    }

    /// Active agents who hold a role with any right in queue `queueID`, or the role `roleID`.
    public func activeAgents(inQueue queueID: Int64, orRole roleID: Int64?) async throws -> [Int64] {
        try await db.raw("""
            SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
            WHERE u.is_active = \(bind: true) AND u.is_agent = \(bind: true)
              AND (ur.role_id IN (SELECT role_id FROM role_queue_rights WHERE queue_id = \(bind: queueID) AND rights <> 0)
                   OR ur.role_id = \(bind: roleID ?? -1))
            ORDER BY u.id
            """).all().map { try $0.int64("id") }
    }

    public func find(_ id: Int64) async throws -> Role? {
        try await all().first { $0.id == id }
    }

    public func insert(_ role: Role) async throws -> Role {
        let row = try await db.raw("""
            INSERT INTO roles (name, name_key, comment, rights)
            VALUES (\(bind: role.name), \(bind: role.name.lowercased()), \(bind: role.comment), \(bind: Int64(role.rights.rawValue)))
            RETURNING id
            """).first()
        var stored = role
        stored.id = try row?.int64("id") ?? 0
        try await setRights(of: stored.id, to: role.queueRights)
        return stored
    }

    public func update(_ role: Role) async throws {
        try await db.raw("""
            UPDATE roles SET name = \(bind: role.name), name_key = \(bind: role.name.lowercased()), comment = \(bind: role.comment),
                rights = \(bind: Int64(role.rights.rawValue))
            WHERE id = \(bind: role.id)
            """).run()
        try await setRights(of: role.id, to: role.queueRights)
    }

    private func setRights(of roleID: Int64, to rights: [Int64: QueueRights]) async throws {
        try await db.raw("DELETE FROM role_queue_rights WHERE role_id = \(bind: roleID)").run()
        for (queue, set) in rights where !set.isEmpty {
            try await db.raw("""
                INSERT INTO role_queue_rights (role_id, queue_id, rights) VALUES (\(bind: roleID), \(bind: queue), \(bind: Int64(set.rawValue)))
                """).run()
        }
    }
}
