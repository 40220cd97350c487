/// Migration 12: a version on the records administrators edit (master data, users, roles, field definitions, mail
/// accounts and filters), counted up by every change, so that a change made from a stale copy is refused (`If-Match`)
/// instead of silently overwriting another administrator's. Existing rows start at version 1.
enum RecordVersionSchema {
    static let tables = [
        "queues", "states", "priorities", "ticket_types", "services", "calendars", "slas", "users", "roles", "field_definitions",
        "mail_accounts", "mail_filters",
    ]

    static let migration = Migration(id: 12, name: "record versions") { _ in
        tables.map { "ALTER TABLE \($0) ADD COLUMN version BIGINT NOT NULL DEFAULT 1" }
    }
}
