import Domain
import Hummingbird
import Services

/// The agent's start page: new tickets, the agent's own tickets, the tickets of the agent's queues
/// (each with its SLA standing and who is responsible) and the open tickets counted per queue and state.
struct DashboardController {
    let services: WebServices
    let pages: PageRenderer
    static let rowsPerSection = 15

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("") { request, context -> Response in try await dashboard(request, context) }
        agent.get("dashboard") { request, context -> Response in try await dashboard(request, context) }
    }

    private func dashboard(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAgent()
        let unfinished: [StateType] = StateType.allCases.filter { !$0.isClosed }
        func list(_ query: String?, types: [StateType]) async throws -> [TicketView] {
            var list = TicketListRequest(query: query)
            list.stateTypes = types
            list.sort = .escalation
            list.limit = Self.rowsPerSection
            return try await services.tickets.list(list, for: principal).items
        }
        async let fresh = list(nil, types: [.new])
        async let owned = list("owner:me", types: unfinished)
        async let responsible = list("responsible:me", types: unfinished)
        async let queues = list(nil, types: unfinished.filter { $0 != .new })
        async let counts = services.tickets.openCounts(for: principal)
        let builder = TicketRowBuilder(services: services, pages: pages, context: context)
        var mine = try await owned
        for ticket in try await responsible where !mine.contains(where: { $0.id == ticket.id }) { mine.append(ticket) }
        mine.sort { ($0.sla.escalationAt ?? .distantFuture, $0.id) < ($1.sla.escalationAt ?? .distantFuture, $1.id) }
        let view: [String: Any] = [
            "fresh": TicketTable(try await builder.rows(try await fresh, principal: principal)),
            "mine": TicketTable(try await builder.rows(Array(mine.prefix(Self.rowsPerSection)), principal: principal)),
            "queues": TicketTable(try await builder.rows(try await queues, principal: principal)),
            "counts": try await countTable(try await counts, context),
        ]
        return try pages.page("agent/dashboard", title: "dashboard.title", view: view, context: context, request: request, section: "dashboard")
    }

    /// One row per queue with its open tickets per state, plus the total.
    private func countTable(_ counts: [TicketCount], _ context: AppRequestContext) async throws -> [String: Any] {
        let master = try await services.masterData.snapshot()
        let english = context.language == .en
        let stateIDs = Set(counts.map(\.stateId))
        let states = master.states.filter { stateIDs.contains($0.id) }
        let queueIDs = Set(counts.map(\.queueId))
        let rows = master.queues.filter { queueIDs.contains($0.id) }.sorted { $0.name < $1.name }.map { queue -> [String: Any] in
            let cells = states.map { state in counts.first { $0.queueId == queue.id && $0.stateId == state.id }?.count ?? 0 }
            return ["queueId": queue.id, "queue": queue.name, "cells": cells.map { ["count": $0, "zero": $0 == 0] }, "total": cells.reduce(0, +)]
        }
        return [
            "states": states.map { ["name": (english ? $0.nameEN : nil) ?? $0.name, "id": $0.id] },
            "rows": rows, "isEmpty": rows.isEmpty,
            "total": counts.reduce(0) { $0 + $1.count },
        ]
    }
}
