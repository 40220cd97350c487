import Domain
import Foundation
import Store

/// Administration of queues, states, priorities, types and services: list for everyone signed in,
/// create and change for administrators, every change recorded as an event.
public struct MasterDataService: Sendable {
    let context: ServiceContext
    let cache: MasterDataCache

    public init(context: ServiceContext, cache: MasterDataCache) {
        self.context = context
        self.cache = cache
    }

    /// The current lookup tables.
    public func snapshot() async throws -> MasterData {
        try await cache.current(context.database)
    }

    /// Creates (`record.id == 0`) or updates a record after validating its name and references.
    public func save<Record: StoredRecord & Named>(_ record: Record, by principal: Principal) async throws -> Record {
        try AccessPolicy.requireAdmin(principal)
        let name = record.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw DomainError.invalid(field: "name", "A name needs 1 to 200 characters.") }
        try record.validate()
        let now = context.now()
        let saved = try await context.database.transaction { db in
            let records = Records<Record>(db)
            let all = try await records.all()
            if all.contains(where: { $0.id != record.id && $0.name.lowercased() == name.lowercased() }) {
                throw DomainError.conflict("'\(name)' exists already.")
            }
            if let parent = record.parentReference {
                guard parent != record.id, all.contains(where: { $0.id == parent }) else {
                    throw DomainError.invalid(field: "parentId", "Unknown parent \(parent).")
                }
                // Walk up from the new parent; meeting the record itself would close a cycle.
                var ancestor: Int64? = parent
                var seen: Set<Int64> = []
                while let current = ancestor, seen.insert(current).inserted {
                    guard current != record.id else {
                        throw DomainError.invalid(field: "parentId", "'\(name)' cannot be placed below itself.")
                    }
                    ancestor = all.first { $0.id == current }?.parentReference
                }
            }
            var stored = record
            stored.name = name
            if record.id == 0 {
                stored = try await records.insert(stored)
            } else {
                guard all.contains(where: { $0.id == record.id }) else { throw DomainError.notFound("No \(Record.table) entry \(record.id).") }
                try await records.update(stored)
            }
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": Record.table, "id": String(stored.id), "action": record.id == 0 ? "created" : "updated"]),
                at: now
            )
            return stored
        }
        await cache.invalidate()
        return saved
    }
}

/// A master-data record with an editable name, an optional parent and its own rules.
public protocol Named {
    var name: String { get set }
    /// The parent in a tree (queues, services); nil for flat lists.
    var parentReference: Int64? { get }
    /// Throws a field issue when the record breaks a rule of its own.
    func validate() throws(DomainError)
}

extension Named {
    public var parentReference: Int64? { nil }
    public func validate() throws(DomainError) {}
}

extension Queue: Named {
    public var parentReference: Int64? { parentID }
    public func validate() throws(DomainError) {
        if let systemAddress { _ = try AddressRules.normalise(systemAddress, field: "systemAddress") }
    }
}

extension TicketState: Named {}
extension TicketType: Named {}
extension Service: Named {
    public var parentReference: Int64? { parentID }
}

extension Priority: Named {
    public func validate() throws(DomainError) {
        guard (1...100).contains(rank) else { throw .invalid(field: "rank", "rank must be between 1 and 100.") }
    }
}
