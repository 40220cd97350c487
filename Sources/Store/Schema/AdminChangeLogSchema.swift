/// Migration 22: an index that finds the newest events of one type without reading the whole event log, for the
/// administrators' change log (`admin.changed` events are rare among millions of ticket events).
enum AdminChangeLogSchema {
    static let migration = Migration(id: 22, name: "events by type") { _ in
        ["CREATE INDEX events_type ON events (type, id)"]
    }
}
