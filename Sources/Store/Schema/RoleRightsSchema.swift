/// Migration 16: role-wide rights (`roles.rights`, a bit set of `RoleRights`: 1 `cmdb.read`, 2 `cmdb.write`).
///
/// Until now every agent read and changed the CMDB, so every existing role keeps doing so: it gets both rights.
/// Administrators need none.
enum RoleRightsSchema {
    static let migration = Migration(id: 16, name: "role-rights") { _ in
        [
            "ALTER TABLE roles ADD COLUMN rights BIGINT NOT NULL DEFAULT 0",
            "UPDATE roles SET rights = 3",
        ]
    }
}
