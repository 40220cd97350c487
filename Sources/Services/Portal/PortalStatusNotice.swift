import Domain
import Foundation
import SQLKit
import Store

/// Tells a portal request's requester when its state changes to one that matters to them (in progress, waiting for
/// their answer, solved), inside the transaction that changes the state. Tickets that did not come through the
/// portal are left alone.
struct PortalStatusNotice {
    let mailer: PortalMailer

    func stateChanged(from before: Ticket, to after: Ticket) async throws {
        guard before.stateID != after.stateID, let request = try await PortalRequestRepository(mailer.db).find(ticketID: after.id) else { return }
        let master = mailer.master
        let settings = try await PortalTextRepository(mailer.db).settings().resolved(states: master.states)
        guard let old = master.state(before.stateID), let new = master.state(after.stateID) else { return }
        let oldStatus = CustomerStatus(state: old, solvedStateID: settings.solvedStateID)
        let newStatus = CustomerStatus(state: new, solvedStateID: settings.solvedStateID)
        guard newStatus != oldStatus, let kind = PortalText.kind(for: newStatus) else { return }
        try await mailer.notify(kind, ticket: after, request: request, settings: settings)
    }
}
