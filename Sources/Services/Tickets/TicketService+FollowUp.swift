import Domain
import Foundation
import SQLKit

/// What a requester's follow-up to a closed ticket does, by its queue's follow-up policy — one rule for a reply by
/// mail and a reply in the portal (signed-in customers and citizens with a status link alike).
enum FollowUpOutcome {
    /// The ticket was not closed; the follow-up is added as it is.
    case open(Ticket)
    /// The ticket was closed and is open again (the first active open state).
    case reopened(Ticket)
    /// The queue refuses follow-ups to closed tickets.
    case rejected(Ticket)
    /// The queue wants a new linked ticket instead.
    case newTicket
}

extension TicketService {
    /// Applies the follow-up policy of `ticket`'s queue (the ticket is locked by the caller), reopening it when the
    /// policy says so, with its change effects (SLA clocks, the portal's notice) and history.
    func followUp(_ ticket: Ticket, actorID: Int64?, db: any SQLDatabase, master: MasterData, now: Date) async throws -> FollowUpOutcome {
        guard master.state(ticket.stateID)?.type.isClosed == true else { return .open(ticket) }
        switch master.queue(ticket.queueID)?.followUpPolicy ?? .reopen {
        case .newTicket:
            return .newTicket
        case .reject:
            return .rejected(ticket)
        case .reopen:
            guard let state = master.states.first(where: { $0.type == .open && $0.isActive }) else { return .open(ticket) }
            return .reopened(try await applyState(state, to: ticket, actorID: actorID, db: db, master: master, now: now))
        }
    }
}
