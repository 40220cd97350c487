import Domain
import Foundation
import SQLKit
import Store

/// Fires the SLA escalations that have come due (docs/sla.md §4): for each ticket whose next deadline has
/// passed, in one transaction of its own, it takes the pending escalations from the clocks, appends one
/// `sla.warning` / `sla.breached` event and one history row per escalation, queues the agents' notification
/// mails (`EscalationMail`), and stores the clocks with their marks set. A threshold therefore fires exactly once, however many nodes run the escalator: a committed
/// transaction sets the marks, a rolled-back one sets none, and PostgreSQL's `SKIP LOCKED` keeps two nodes off
/// the same ticket.
public struct SLAEscalator: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    /// Escalates up to `limit` tickets whose deadline has come; returns how many escalations fired and
    /// whether more tickets may be waiting.
    public func escalateDue(limit: Int = 100) async throws -> (fired: Int, hasMore: Bool) {
        let now = context.now()
        let dialect = context.database.dialect
        let due = try await context.database.read { db in
            try await TicketRepository(db, dialect: dialect).dueForEscalation(by: now, limit: limit)
        }
        guard !due.isEmpty else { return (0, false) }
        let master = try await masterData.current(context.database)
        var fired = 0
        for id in due {
            fired += try await escalate(id, at: now, master: master)
        }
        return (fired, due.count == limit)
    }

    private func escalate(_ id: Int64, at now: Date, master: MasterData) async throws -> Int {
        let dialect = context.database.dialect
        return try await context.database.transaction { db in
            let tickets = TicketRepository(db, dialect: dialect)
            guard var clocks = try await tickets.claimForEscalation(id, by: now),
                  let ticket = try await tickets.find(id, in: .everything) else { return 0 }
            let escalations = clocks.takePendingEscalations(at: now)
            try await tickets.storeSLA(clocks, of: id)
            guard !escalations.isEmpty else { return 0 }
            let notify = try await recipients(of: ticket, master: master, db: db)
            let history = HistoryRepository(db)
            let events = EventRepository(db)
            let mail = EscalationMail(db: db, dialect: dialect, configuration: context.configuration, now: now)
            let calendar = SLAKeeper(master: master).calendar(for: ticket, slaID: clocks.terms.slaID)
            for escalation in escalations {
                let clock = clocks[escalation.kind]
                try await mail.queue(escalation, clock: clock, ticket: ticket, to: notify, master: master, calendar: calendar)
                try await history.append(
                    ticketID: id, actorID: nil, field: "sla.\(escalation.kind.rawValue)", old: nil,
                    new: escalation.threshold.rawValue, at: now
                )
                try await events.append(
                    type: escalation.threshold == .warning ? EventType.slaWarning : EventType.slaBreached,
                    ticketID: id, actorID: nil,
                    payload: EventPayload.json([
                        "clock": escalation.kind.rawValue, "cycle": String(escalation.cycle),
                        "at": InternetDateTime.format(escalation.at),
                        "dueAt": clock.dueAt.map(InternetDateTime.format) ?? "",
                        "slaId": clocks.terms.slaID.map(String.init) ?? "",
                        "notify": notify.map(String.init).joined(separator: ","),
                    ]),
                    at: now
                )
            }
            return escalations.count
        }
    }

    /// Who hears of an escalation: owner, responsible, the active agents of the ticket's queue and of the
    /// escalation role, each once.
    private func recipients(of ticket: Ticket, master: MasterData, db: any SQLDatabase) async throws -> [Int64] {
        let agents = try await RoleRepository(db).activeAgents(inQueue: ticket.queueID, orRole: master.slaConfiguration.escalationRoleID)
        var seen: Set<Int64> = []
        return ([ticket.ownerID, ticket.responsibleID].compactMap { $0 } + agents).filter { seen.insert($0).inserted }
    }
}
