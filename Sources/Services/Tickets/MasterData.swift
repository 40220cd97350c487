import Domain
import Foundation
import SQLKit
import Store

/// A snapshot of the small lookup tables (queues, states, priorities, types, services, calendars, SLAs and
/// their assignment, postmaster filters) with name lookups.
public struct MasterData: Sendable {
    public var queues: [Queue]
    public var states: [TicketState]
    public var priorities: [Priority]
    public var types: [TicketType]
    public var services: [Service]
    public var calendars: [CalendarRecord]
    public var slas: [SLAPolicy]
    public var slaConfiguration: SLAConfiguration
    /// The postmaster filters, active or not, which every inbound mail runs through.
    public var mailFilters: [MailFilter]

    static func load(_ db: any SQLDatabase) async throws -> MasterData {
        MasterData(
            queues: try await Records<Queue>(db).all(), states: try await Records<TicketState>(db).all(),
            priorities: try await Records<Priority>(db).all(), types: try await Records<TicketType>(db).all(),
            services: try await Records<Service>(db).all(), calendars: try await Records<CalendarRecord>(db).all(),
            slas: try await Records<SLAPolicy>(db).all(), slaConfiguration: try await SLAConfigurationStore(db).load(),
            mailFilters: try await MailFilterRepository(db).all()
        )
    }

    public func queue(_ id: Int64) -> Queue? { queues.first { $0.id == id } }
    public func state(_ id: Int64) -> TicketState? { states.first { $0.id == id } }
    public func priority(_ id: Int64) -> Priority? { priorities.first { $0.id == id } }
    public func type(_ id: Int64) -> TicketType? { types.first { $0.id == id } }
    public func service(_ id: Int64) -> Service? { services.first { $0.id == id } }
    public func calendar(_ id: Int64) -> CalendarRecord? { calendars.first { $0.id == id } }
    public func sla(_ id: Int64) -> SLAPolicy? { slas.first { $0.id == id } }

    /// The state a new ticket gets when none is named: the first active state of type `new`.
    public var defaultState: TicketState? { states.first { $0.type == .new && $0.isActive } }
    /// The priority a new ticket gets when none is named: the middle rank.
    public var defaultPriority: Priority? {
        let active = priorities.filter(\.isActive).sorted { $0.rank < $1.rank }
        return active.isEmpty ? nil : active[active.count / 2]
    }

    /// Resolves a record by id or by name (German or English, case-insensitive); throws a field issue otherwise.
    static func resolve<Record>(
        _ records: [Record], id: Int64?, name: String?, field: String, names: (Record) -> [String?]
    ) throws(DomainError) -> Record? where Record: Identifiable, Record.ID == Int64 {
        if let id {
            guard let record = records.first(where: { $0.id == id }) else { throw .invalid(FieldIssue(field: field + "Id", .unknownReference(reference: String(id)))) }
            return record
        }
        guard let name else { return nil }
        let key = name.lowercased()
        guard let record = records.first(where: { names($0).contains { $0?.lowercased() == key } }) else {
            throw .invalid(FieldIssue(field: field, .unknownReference(reference: name)))
        }
        return record
    }
}

/// Keeps a recent `MasterData` snapshot; every node reloads at most a few seconds after another node's change,
/// and immediately after its own.
public actor MasterDataCache {
    private var snapshot: MasterData?
    private var loadedAt = Date.distantPast
    private let maxAge: TimeInterval

    public init(maxAge: TimeInterval = 5) {
        self.maxAge = maxAge
    }

    func current(_ database: Database) async throws -> MasterData {
        if let snapshot, Date().timeIntervalSince(loadedAt) < maxAge { return snapshot }
        let fresh = try await database.read { db in try await MasterData.load(db) }
        snapshot = fresh
        loadedAt = Date()
        return fresh
    }

    func invalidate() {
        snapshot = nil
    }
}
