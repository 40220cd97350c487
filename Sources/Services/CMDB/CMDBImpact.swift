import Domain
import SQLKit
import Store

/// Keeps items' incident states in step with the incident tickets that affect them; the ticket use cases call it
/// when a ticket gains or loses an `affects` link, or changes state or type. Which ticket types count as incidents
/// is `ServiceContext.Configuration.incidentTicketTypes` (none: off).
struct CMDBImpact: Sendable {
    let db: any SQLDatabase
    let master: MasterData
    let incidentTicketTypes: [String]

    func refresh(ticketID: Int64, alsoItems itemIDs: [Int64] = []) async throws {
        guard !incidentTicketTypes.isEmpty else { return }
        let names = Set(incidentTicketTypes.map { $0.lowercased() })
        let typeIDs = master.types.filter { names.contains($0.name.lowercased()) || names.contains($0.nameEN?.lowercased() ?? "") }.map(\.id)
        let openStateIDs = master.states.filter { !$0.type.isClosed }.map(\.id)
        try await CIImpactRepository(db).refresh(ticketID: ticketID, incidentTypeIDs: typeIDs, openStateIDs: openStateIDs, itemIDs: itemIDs)
    }
}
