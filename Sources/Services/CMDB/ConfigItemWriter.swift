import Domain
import Foundation
import SQLKit
import Store

/// Writes items for every use case that creates or changes them: the row and its version, one history entry per
/// changed field or attribute, the search document and the event — all in the caller's transaction.
struct ConfigItemWriter: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect
    let now: Date

    /// Inserts a new item, numbering it from the `cmdb.item` counter.
    func insert(_ item: ConfigItem, className: String, by principal: Principal) async throws -> ConfigItem {
        var item = item
        item.number = ConfigItem.number(try await Counters(db).next("cmdb.item"))
        let stored = try await ConfigItemRepository(db, dialect: dialect).insert(item, by: principal.actorID)
        try await CIHistoryRepository(db).append(itemID: stored.id, actorID: principal.actorID, field: "created", old: nil, new: stored.number, at: now)
        try await CMDBSearchIndex(db, dialect: dialect).index(itemID: stored.id, text: Self.searchText(stored, className: className), isNew: true)
        try await append(EventType.cmdbItemCreated, stored, by: principal)
        return stored
    }

    /// Stores `item` as a new version when it differs from `old`; returns it with its new version (unchanged when
    /// nothing changed). Throws `stale` when someone else changed the item since `old` was read.
    @discardableResult
    func update(_ item: ConfigItem, from old: ConfigItem, className: String, by principal: Principal) async throws -> ConfigItem {
        let changes = item.changes(from: old)
        guard !changes.isEmpty else { return old }
        guard let version = try await ConfigItemRepository(db, dialect: dialect).update(item, by: principal.actorID) else {
            throw DomainError.stale("The item was changed meanwhile; load it again.")
        }
        let history = CIHistoryRepository(db)
        for change in changes {
            try await history.append(itemID: item.id, actorID: principal.actorID, field: change.field, old: change.old, new: change.new, at: now)
        }
        var stored = item
        stored.version = version
        try await CMDBSearchIndex(db, dialect: dialect).index(itemID: item.id, text: Self.searchText(stored, className: className), isNew: false)
        try await append(EventType.cmdbItemUpdated, stored, by: principal, fields: changes.map(\.field))
        return stored
    }

    /// Inserts new items in bulk (imports): numbers from one counter reservation, multi-row inserts, one event each.
    func insert(batch items: [ConfigItem], className: String, by principal: Principal) async throws {
        guard !items.isEmpty else { return }
        let first = try await Counters(db).reserve("cmdb.item", count: items.count)
        let numbered = items.enumerated().map { offset, item in
            var item = item
            item.number = ConfigItem.number(first + Int64(offset))
            return item
        }
        let stored = try await ConfigItemBulkWriter(db, dialect: dialect).insert(
            numbered, searchTexts: numbered.map { Self.searchText($0, className: className) }, by: principal.actorID
        )
        try await EventRepository(db).append(type: EventType.cmdbItemCreated, actorID: principal.actorID, payloads: stored.map { item in
            EventPayload.json(["itemId": String(item.id), "number": item.number, "version": "1"])
        }, at: now)
    }

    private func append(_ type: String, _ item: ConfigItem, by principal: Principal, fields: [String] = []) async throws {
        var payload = ["itemId": String(item.id), "number": item.number, "version": String(item.version)]
        if !fields.isEmpty { payload["fields"] = fields.joined(separator: ",") }
        try await EventRepository(db).append(type: type, ticketID: nil, actorID: principal.actorID, payload: EventPayload.json(payload), at: now)
    }

    /// Number, name, class and the text-like attribute values.
    static func searchText(_ item: ConfigItem, className: String) -> String {
        ([item.number, item.name, className] + item.attributes.keys.sorted().compactMap { key in
            guard let value = item.attributes[key], case .text = value else {
                if case .list(let options)? = item.attributes[key] { return options.joined(separator: " ") }
                return nil
            }
            return value.displayText
        }).joined(separator: " ")
    }
}
