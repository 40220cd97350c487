import Domain
import Foundation
import SQLKit
import Store

/// Keeps a ticket's SLA clocks in step with its changes, inside the caller's transaction (docs/sla.md §7):
/// picks the SLA and calendar that apply, turns ticket changes into `SLAEvent`s and stores the clocks with
/// their summary.
struct SLAKeeper: Sendable {
    let master: MasterData

    /// The SLA terms that apply to `ticket` as it is now, and the calendar its clocks then count in.
    func terms(for ticket: Ticket) -> (terms: SLATerms, calendar: BusinessCalendar) {
        let subject = SLAAssignment.Subject(
            servicePath: path(from: ticket.serviceID) { master.service($0)?.parentID },
            queuePath: path(from: ticket.queueID) { master.queue($0)?.parentID },
            typeID: ticket.typeID, priorityID: ticket.priorityID
        )
        let policy = SLAAssignment.select(from: master.slaConfiguration.bindings, for: subject)
            .flatMap { master.sla($0.slaID) }
            .flatMap { $0.isActive ? $0 : nil }
        let terms = policy.map(SLATerms.init) ?? .none
        return (terms, calendar(for: ticket, slaID: terms.slaID))
    }

    /// The calendar clocks of `ticket` under SLA `slaID` count in: the SLA's, else the queue's, else the
    /// installation's default, else Saxony's working week.
    func calendar(for ticket: Ticket, slaID: Int64?) -> BusinessCalendar {
        let candidates = [slaID.flatMap { master.sla($0)?.calendarID }, master.queue(ticket.queueID)?.calendarID,
                          master.slaConfiguration.defaultCalendarID]
        for case let id? in candidates {
            if let record = master.calendar(id) { return record.calendar }
        }
        return .saxony
    }

    /// The clocks of a ticket being created: started at its creation, answered at once when an agent opens it
    /// with a customer-visible message of their own (an outbound mail; a phone note follows
    /// `PhoneTicketFirstResponse`), then moved into its first state.
    func startedClocks(for ticket: Ticket, channel: ArticleChannel, openedByAgentMessage: Bool = false) -> TicketSLAClocks {
        let (terms, calendar) = terms(for: ticket)
        var clocks = TicketSLAClocks.started(at: ticket.createdAt, channel: channel, terms: terms, calendar: calendar)
        if openedByAgentMessage, !channel.isInPerson {
            clocks.apply(.customerVisibleAgentReply, at: ticket.createdAt, calendar: calendar)
        }
        if let state = master.state(ticket.stateID), state.suspendsSLA || state.type.isClosed {
            clocks.apply(.stateChanged(suspendsSLA: state.suspendsSLA, isClosed: state.type.isClosed), at: ticket.createdAt, calendar: calendar)
        }
        return clocks
    }

    /// Applies what changed between `before` and `after` to the ticket's stored clocks and stores them: another
    /// SLA (or calendar) first when queue, service, type or priority changed, then the state change.
    /// Returns the new summary, or nil when nothing the clocks care about changed.
    func recordChange(from before: Ticket, to after: Ticket, at instant: Date, db: any SQLDatabase, dialect: Dialect) async throws -> TicketSLASummary? {
        let reassigns = before.queueID != after.queueID || before.serviceID != after.serviceID
            || before.typeID != after.typeID || before.priorityID != after.priorityID
        guard reassigns || before.stateID != after.stateID else { return nil }
        return try await update(after, at: instant, db: db, dialect: dialect) { clocks in
            let counting = calendar(for: before, slaID: clocks.terms.slaID)
            var current = counting
            if reassigns {
                let (terms, newCalendar) = terms(for: after)
                if terms != clocks.terms || newCalendar != counting {
                    clocks.apply(.slaChanged(terms, calendar: newCalendar), at: instant, calendar: counting)
                    current = newCalendar
                }
            }
            if before.stateID != after.stateID, let state = master.state(after.stateID) {
                clocks.apply(.stateChanged(suspendsSLA: state.suspendsSLA, isClosed: state.type.isClosed), at: instant, calendar: current)
            }
        }
    }

    /// The clocks after a new article on an existing ticket, for the caller to store with the ticket's touch: a
    /// customer-visible agent article answers, a customer article asks; nil for internal notes and system
    /// articles, which leave the clocks alone.
    func clocks(after article: Article, on ticket: Ticket, db: any SQLDatabase, dialect: Dialect) async throws -> TicketSLAClocks? {
        guard article.customerVisible else { return nil }
        let event: SLAEvent
        switch article.sender {
        case .agent: event = .customerVisibleAgentReply
        case .customer: event = .customerVisibleCustomerMessage
        case .system: return nil
        }
        var clocks = try await stored(ticket, db: db, dialect: dialect)
        clocks.apply(event, at: article.createdAt, calendar: calendar(for: ticket, slaID: clocks.terms.slaID))
        return clocks
    }

    /// Loads the clocks of `ticket`, lets `change` apply events, and stores the result.
    private func update(
        _ ticket: Ticket, at instant: Date, db: any SQLDatabase, dialect: Dialect, _ change: (inout TicketSLAClocks) -> Void
    ) async throws -> TicketSLASummary {
        var clocks = try await stored(ticket, db: db, dialect: dialect)
        change(&clocks)
        try await TicketRepository(db, dialect: dialect).storeSLA(clocks, of: ticket.id)
        return TicketSLASummary(clocks)
    }

    /// The stored clocks of `ticket`, or clocks started at its creation when it has none yet (a ticket from
    /// before SLAs existed).
    private func stored(_ ticket: Ticket, db: any SQLDatabase, dialect: Dialect) async throws -> TicketSLAClocks {
        try await TicketRepository(db, dialect: dialect).slaClocks(of: ticket.id) ?? startedClocks(for: ticket, channel: .web)
    }

    /// `start` and its ancestors, nearest first (a tree cycle ends the walk).
    private func path(from start: Int64?, parent: (Int64) -> Int64?) -> [Int64] {
        var path: [Int64] = []
        var current = start
        while let id = current, !path.contains(id) {
            path.append(id)
            current = parent(id)
        }
        return path
    }
}
