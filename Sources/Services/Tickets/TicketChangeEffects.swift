import Domain
import Foundation
import SQLKit
import Store

/// What follows from a stored change of a ticket's attributes, applied in the same transaction by every path that
/// changes them (agents' updates, mail reopening a ticket, merges, requesters confirming or reopening): the SLA
/// clocks move, and a state change the requester cares about queues the portal's notice.
struct TicketChangeEffects {
    let db: any SQLDatabase
    let dialect: Dialect
    let now: Date
    let configuration: ServiceContext.Configuration
    let master: MasterData
    let fields: FieldService

    /// Applies the effects of `before` becoming `after` (already stored); returns the new SLA summary, if it changed.
    func apply(from before: Ticket, to after: Ticket) async throws -> TicketSLASummary? {
        let summary = try await SLAKeeper(master: master).recordChange(from: before, to: after, at: now, db: db, dialect: dialect)
        let mailer = PortalMailer(db: db, dialect: dialect, now: now, configuration: configuration, master: master, fields: fields)
        try await PortalStatusNotice(mailer: mailer).stateChanged(from: before, to: after)
        return summary
    }
}

extension TicketService {
    /// The change effects inside transaction `db`.
    func effects(_ db: any SQLDatabase, master: MasterData, now: Date) -> TicketChangeEffects {
        TicketChangeEffects(db: db, dialect: context.database.dialect, now: now, configuration: context.configuration, master: master, fields: fields)
    }

    /// Moves `ticket` (locked by the caller) into `state`: stores it, applies the change effects, and records
    /// history and the event. Returns the stored ticket.
    func applyState(_ state: TicketState, to ticket: Ticket, actorID: Int64?, db: any SQLDatabase, master: MasterData, now: Date) async throws -> Ticket {
        var changed = ticket
        changed.stateID = state.id
        changed.changedAt = now
        if !state.type.isPending { changed.pendingUntil = nil }
        guard let version = try await TicketRepository(db, dialect: context.database.dialect).update(changed) else {
            throw DomainError.stale("Ticket \(ticket.number) changed meanwhile.")
        }
        changed.version = version
        if let summary = try await effects(db, master: master, now: now).apply(from: ticket, to: changed) { changed.sla = summary }
        try await HistoryRepository(db).append(ticketID: ticket.id, actorID: actorID, field: "state",
                                               old: master.state(ticket.stateID)?.name, new: state.name, at: now)
        try await EventRepository(db).append(type: EventType.ticketUpdated, ticketID: ticket.id, actorID: actorID,
                                             payload: EventPayload.json(["changed": "state"]), at: now)
        try await impact(db).refresh(ticketID: ticket.id)
        return changed
    }
}
