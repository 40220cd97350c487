import Domain
import Foundation
import Services

/// One ticket as a row of the dashboard and the list views: names instead of ids, in the page's language,
/// and its SLA standing as text and colour (never colour alone).
struct TicketRow {
    var id: Int64
    var number: String
    var title: String
    var queue: String
    var state: String
    var stateType: String
    var priority: String
    var priorityRank: Int
    var requester: String
    var organisation: String?
    var owner: String
    var responsible: String?
    var age: String
    var created: String
    var changed: String
    var sla: SLACell?
    var isPending: Bool
    var pendingUntil: String

    /// The SLA column: `status` picks the colour, `label` and `due` say the same in words.
    struct SLACell {
        var status: String
        var label: String
        var due: String?
        var dueAt: String
    }
}

/// Rows for `agent/partials/ticket-table`, with the flag templates need to tell an empty table.
struct TicketTable {
    var rows: [TicketRow]
    var hasRows: Bool
    var count: Int

    init(_ rows: [TicketRow]) {
        self.rows = rows
        hasRows = !rows.isEmpty
        count = rows.count
    }
}

/// Builds `TicketRow`s for a page of tickets, looking up every name the page needs in one round.
struct TicketRowBuilder {
    let services: WebServices
    let pages: PageRenderer
    let context: AppRequestContext

    func rows(_ tickets: [TicketView], principal: Principal) async throws -> [TicketRow] {
        guard !tickets.isEmpty else { return [] }
        let master = try await services.masterData.snapshot()
        let names = try await services.people.displayNames(
            contacts: Set(tickets.compactMap(\.contactId)), organisations: Set(tickets.compactMap(\.organisationId)),
            users: Set(tickets.flatMap { [$0.ownerId, $0.responsibleId].compactMap { $0 } }), by: principal
        )
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let now = services.context.now()
        let english = context.language == .en
        return tickets.map { ticket in
            let state = master.state(ticket.stateId)
            let priority = master.priority(ticket.priorityId)
            let contact = ticket.contactId.flatMap { names.contacts[$0] }
            return TicketRow(
                id: ticket.id, number: ticket.number, title: ticket.title, queue: ticket.queue,
                state: (english ? state?.nameEN : nil) ?? ticket.state, stateType: ticket.stateType.rawValue,
                priority: (english ? priority?.nameEN : nil) ?? ticket.priority, priorityRank: priority?.rank ?? 3,
                requester: contact.map { $0.name.isEmpty ? ($0.email ?? "") : $0.name } ?? "",
                organisation: ticket.organisationId.flatMap { names.organisations[$0] },
                owner: ticket.ownerId.flatMap { names.users[$0] } ?? "",
                responsible: ticket.responsibleId.flatMap { names.users[$0] },
                age: time.span(now.timeIntervalSince(ticket.createdAt)), created: time.absolute(ticket.createdAt),
                changed: time.absolute(ticket.changedAt), sla: slaCell(ticket.sla, time: time, now: now),
                isPending: ticket.stateType.isPending, pendingUntil: ticket.pendingUntil.map(time.absolute) ?? ""
            )
        }
    }

    private func slaCell(_ sla: TicketView.SLASummaryView, time: TimeText, now: Date) -> TicketRow.SLACell? {
        guard let status = sla.status else { return nil }
        let due = sla.escalationAt.map { time.relative($0, now: now) } ?? ""
        return TicketRow.SLACell(
            status: status.rawValue, label: pages.text("sla.status.\(status.rawValue)", context), due: status == .paused || due.isEmpty ? nil : due,
            dueAt: sla.escalationAt.map(time.absolute) ?? ""
        )
    }
}
