import Domain
import Foundation
import Store

extension TicketService {
    /// The SLA clocks of a ticket the principal may see, explained as of now.
    public func slaReport(of id: Int64, for principal: Principal) async throws -> TicketSLAReport {
        let master = try await masterData.current(context.database)
        let now = context.now()
        let dialect = context.database.dialect
        let (ticket, stored) = try await context.database.read { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            return (ticket, try await TicketRepository(db, dialect: dialect).slaClocks(of: ticket.id))
        }
        let keeper = SLAKeeper(master: master)
        let clocks = stored ?? keeper.startedClocks(for: ticket, channel: .web)
        let calendar = keeper.calendar(for: ticket, slaID: clocks.terms.slaID)
        let summary = TicketSLASummary(clocks)
        return TicketSLAReport(
            ticketId: ticket.id, slaId: clocks.terms.slaID, sla: clocks.terms.slaID.flatMap(master.sla)?.name,
            calendar: calendar.name, timeZoneId: calendar.timeZoneID, status: summary.status(at: now),
            escalationAt: summary.escalationAt, at: now, clocks: clocks.explanation(at: now, calendar: calendar)
        )
    }
}
