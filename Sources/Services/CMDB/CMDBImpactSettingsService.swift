import Domain
import Foundation
import SQLKit
import Store

/// The settings as administrators submit them: ticket types and priorities by id.
public struct CIImpactSettingsInput: Sendable, Decodable {
    public var ticketTypeIds: [Int64]
    public var priorityIds: [Int64]?

    public init(ticketTypeIds: [Int64], priorityIds: [Int64]? = nil) {
        self.ticketTypeIds = ticketTypeIds
        self.priorityIds = priorityIds
    }
}

/// Which tickets put the items they affect into incident state (administrators only): read, and change with a
/// check of the version read (`If-Match`). A change recomputes the incident state of every item a ticket affects, in
/// the same transaction, and appears in the administrators' change log.
public struct CMDBImpactSettingsService: Sendable {
    /// The key of the settings in the installation's settings table.
    static let settingsKey = "cmdb.impact"
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    public func settings(for principal: Principal) async throws -> CIImpactSettings {
        try AccessPolicy.requireAdmin(principal)
        let master = try await masterData.current(context.database)
        let defaults = context.configuration.incidentTicketTypes
        return try await context.database.read { db in try await Self.stored(db: db, master: master, defaultTicketTypes: defaults) }
    }

    /// Replaces the settings; `expectedVersion` (from `If-Match`) must be the current version when given.
    public func update(_ input: CIImpactSettingsInput, expectedVersion: Int64?, by principal: Principal) async throws -> CIImpactSettings {
        try AccessPolicy.requireAdmin(principal)
        let master = try await masterData.current(context.database)
        try Self.check(input, master: master)
        let defaults = context.configuration.incidentTicketTypes
        let now = context.now()
        return try await context.database.transaction { db in
            let current = try await Self.stored(db: db, master: master, defaultTicketTypes: defaults)
            if let expectedVersion, expectedVersion != current.version {
                throw DomainError.stale("The settings are at version \(current.version), not \(expectedVersion); load them again.")
            }
            let settings = CIImpactSettings(
                ticketTypeIDs: Array(Set(input.ticketTypeIds)).sorted(), priorityIDs: Array(Set(input.priorityIds ?? [])).sorted(),
                version: current.version + 1
            )
            try await Settings(db).set(Self.settingsKey, String(decoding: try JSONEncoder().encode(settings), as: UTF8.self))
            let impact = CMDBImpact(db: db, master: master, defaultTicketTypes: defaults)
            for ticketID in try await CIImpactRepository(db).ticketsAffectingItems() {
                try await impact.refresh(ticketID: ticketID, settings: settings)
            }
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "cmdbImpact", "id": "1", "action": "updated"]), at: now
            )
            return settings
        }
    }

    /// The stored settings; before administrators first save them, the ticket types named in the configuration.
    static func stored(db: any SQLDatabase, master: MasterData, defaultTicketTypes: [String]) async throws -> CIImpactSettings {
        if let text = try await Settings(db).value(settingsKey) {
            return try JSONDecoder().decode(CIImpactSettings.self, from: Data(text.utf8))
        }
        let names = Set(defaultTicketTypes.map { $0.lowercased() })
        return CIImpactSettings(ticketTypeIDs: master.types.filter { names.contains($0.name.lowercased()) || names.contains($0.nameEN?.lowercased() ?? "") }.map(\.id))
    }

    /// Refuses ids of ticket types and priorities that do not exist, naming the first of each.
    private static func check(_ input: CIImpactSettingsInput, master: MasterData) throws(DomainError) {
        var issues: [FieldIssue] = []
        for (index, id) in input.ticketTypeIds.enumerated() where !master.types.contains(where: { $0.id == id }) {
            issues.append(FieldIssue(field: "ticketTypeIds[\(index)]", message: "Unknown ticket type \(id)."))
        }
        for (index, id) in (input.priorityIds ?? []).enumerated() where !master.priorities.contains(where: { $0.id == id }) {
            issues.append(FieldIssue(field: "priorityIds[\(index)]", message: "Unknown priority \(id)."))
        }
        guard issues.isEmpty else { throw DomainError.invalid("The settings name ticket types or priorities that do not exist.", issues: issues) }
    }
}
