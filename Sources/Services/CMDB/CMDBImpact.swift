import Domain
import SQLKit
import Store

/// Keeps items' incident states in step with the incident tickets that affect them; the ticket use cases call it
/// when a ticket gains or loses an `affects` link, or changes state, type or priority. Which tickets count is the
/// administrators' `CIImpactSettings` (see `CMDBImpactSettingsService`).
struct CMDBImpact: Sendable {
    let db: any SQLDatabase
    let master: MasterData
    /// The ticket types that count until administrators save settings: `ServiceContext.Configuration.incidentTicketTypes`.
    let defaultTicketTypes: [String]

    func refresh(ticketID: Int64, alsoItems itemIDs: [Int64] = []) async throws {
        let settings = try await CMDBImpactSettingsService.stored(db: db, master: master, defaultTicketTypes: defaultTicketTypes)
        guard !settings.ticketTypeIDs.isEmpty else { return }
        try await refresh(ticketID: ticketID, alsoItems: itemIDs, settings: settings)
    }

    /// Recomputes with `settings` (also when they turn the bookkeeping off: then every affected item is operational).
    func refresh(ticketID: Int64, alsoItems itemIDs: [Int64] = [], settings: CIImpactSettings) async throws {
        let openStateIDs = master.states.filter { !$0.type.isClosed }.map(\.id)
        try await CIImpactRepository(db).refresh(ticketID: ticketID, settings: settings, openStateIDs: openStateIDs, itemIDs: itemIDs)
    }
}
