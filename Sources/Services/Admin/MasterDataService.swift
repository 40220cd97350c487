import Domain
import Foundation
import Store

/// Administration of queues, states, priorities, types, services, calendars and SLAs: list for everyone signed in,
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

    /// One record with its version, read from the database (not the cache), for editing.
    public func find<Record: StoredRecord & Named>(_ type: Record.Type, _ id: Int64) async throws -> Versioned<Record> {
        let found = try await context.database.read { db in
            let records = Records<Record>(db)
            guard let record = try await records.find(id), let version = try await records.version(of: id) else { return nil as Versioned<Record>? }
            return Versioned(record, version: version)
        }
        guard let found else { throw DomainError.notFound("No \(Record.table) entry \(id).") }
        return found
    }

    /// Creates (`record.id == 0`) or updates a record after validating its name and references. An update with
    /// `expectedVersion` is refused as stale when the record's version is another one (someone changed it meanwhile).
    public func save<Record: StoredRecord & Named>(
        _ record: Record, expectedVersion: Int64? = nil, by principal: Principal
    ) async throws -> Versioned<Record> {
        try AccessPolicy.requireAdmin(principal)
        let name = record.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw DomainError.invalid(FieldIssue(field: "name", .length(min: 1, max: 200))) }
        try record.validate()
        try record.validateReferences(in: try await cache.current(context.database))
        let now = context.now()
        let saved = try await context.database.transaction { db in
            let records = Records<Record>(db)
            let all = try await records.all()
            if all.contains(where: { $0.id != record.id && $0.name.lowercased() == name.lowercased() }) {
                throw DomainError.conflict("'\(name)' exists already.")
            }
            if let parent = record.parentReference {
                guard parent != record.id, all.contains(where: { $0.id == parent }) else {
                    throw DomainError.invalid(FieldIssue(field: "parentId", .unknownReference(reference: String(parent))))
                }
                // Walk up from the new parent; meeting the record itself would close a cycle.
                var ancestor: Int64? = parent
                var seen: Set<Int64> = []
                while let current = ancestor, seen.insert(current).inserted {
                    guard current != record.id else {
                        throw DomainError.invalid(FieldIssue(field: "parentId", .selfReference))
                    }
                    ancestor = all.first { $0.id == current }?.parentReference
                }
            }
            var stored = record
            stored.name = name
            var version = Versioned<Record>.first
            if record.id == 0 {
                stored = try await records.insert(stored)
            } else {
                guard all.contains(where: { $0.id == record.id }) else { throw DomainError.notFound("No \(Record.table) entry \(record.id).") }
                guard let updated = try await records.update(stored, expectedVersion: expectedVersion) else {
                    throw DomainError.stale(Versioned<Record>.staleMessage(Record.table, record.id, current: try await records.version(of: record.id), sent: expectedVersion))
                }
                version = updated
            }
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json([
                    "kind": Record.table, "id": String(stored.id), "name": name, "action": record.id == 0 ? "created" : "updated",
                ]),
                at: now
            )
            return Versioned(stored, version: version)
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
    /// Throws a field issue when the record points at master data that does not exist.
    func validateReferences(in master: MasterData) throws(DomainError)
}

extension Named {
    public var parentReference: Int64? { nil }
    public func validate() throws(DomainError) {}
    public func validateReferences(in master: MasterData) throws(DomainError) {}
}

extension Queue: Named {
    public var parentReference: Int64? { parentID }
    public func validate() throws(DomainError) {
        if let systemAddress { _ = try AddressRules.normalise(systemAddress, field: "systemAddress") }
    }
    public func validateReferences(in master: MasterData) throws(DomainError) {
        if let calendarID, master.calendar(calendarID) == nil {
            throw .invalid(FieldIssue(field: "calendarId", .unknownReference(reference: String(calendarID))))
        }
    }
}

extension CalendarRecord: Named {
    public var name: String {
        get { calendar.name }
        set { calendar.name = newValue }
    }
    public func validate() throws(DomainError) {
        // The API spells identifiers `…Id`; the domain's `timeZoneID` issue is reported as the caller wrote it.
        let issues = calendar.validate().map { issue in
            issue.moved(to: issue.field == "timeZoneID" ? "timeZoneId" : issue.field)
        }
        if !issues.isEmpty { throw .invalid("The calendar is not valid.", issues: issues) }
    }
}

extension SLAPolicy: Named {
    public func validate() throws(DomainError) {
        let issues = validate() as [FieldIssue]
        if !issues.isEmpty { throw .invalid("The SLA is not valid.", issues: issues) }
    }
    public func validateReferences(in master: MasterData) throws(DomainError) {
        if let calendarID, master.calendar(calendarID) == nil {
            throw .invalid(FieldIssue(field: "calendarId", .unknownReference(reference: String(calendarID))))
        }
    }
}

extension TicketState: Named {}
extension TicketType: Named {}
extension Service: Named {
    public var parentReference: Int64? { parentID }
}

extension Priority: Named {
    public func validate() throws(DomainError) {
        guard (1...100).contains(rank) else { throw .invalid(FieldIssue(field: "rank", .outOfRange(min: "1", max: "100"))) }
    }
}
