import Domain
import Foundation
import Hummingbird
import Services
import Store

/// The ticket list: queue tree, filters, search, sortable columns, paging, saved views and bulk changes.
struct TicketListController {
    let services: WebServices
    let pages: PageRenderer
    static let pageSize = 50

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("tickets") { request, context -> Response in try await list(request, context) }
        agent.post("tickets/bulk") { request, context -> Response in try await bulk(request, context) }
        agent.post("views") { _, context -> Response in try await saveView(context) }
        agent.post("views/:id/delete") { _, context -> Response in
            let principal = try context.requireAgent()
            try await services.ticketViews.delete(try context.parameters.require("id", as: Int64.self), by: principal)
            return PageRenderer.redirect(to: "/agent/tickets", notice: "viewDeleted")
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAgent()
        let parameters = TicketListParameters(request)
        var filter = parameters.filter(for: principal)
        var activeView: TicketViewInfo?
        if let viewID = parameters.viewID {
            activeView = try await services.ticketViews.view(viewID, for: principal)
            filter = activeView?.filter ?? filter
        }
        let cursor = request.uri.queryParameters["cursor"].map(String.init)
        async let page = services.tickets.list(filter.listRequest(cursor: cursor, limit: Self.pageSize), for: principal)
        async let counts = services.tickets.openCounts(for: principal)
        async let views = services.ticketViews.views(for: principal)
        let master = try await services.masterData.snapshot()
        let result = try await page
        let rows = try await TicketRowBuilder(services: services, pages: pages, context: context).rows(result.items, principal: principal)
        var view: [String: Any] = [
            "rows": rows, "hasRows": !rows.isEmpty, "count": rows.count,
            "queues": queueTree(master: master, counts: try await counts, principal: principal, selected: parameters.queueID, parameters: parameters),
            "views": try await views.map { ["id": $0.id, "name": $0.name, "shared": $0.shared, "mine": $0.mine, "active": $0.id == activeView?.id] },
            "filters": filterForm(parameters, master: master, context: context),
            "columns": columns(parameters, context), "selectable": true,
            "bulk": try await bulkForm(master: master, principal: principal, context: context),
            "listQuery": parameters.urlQuery(),
            "firstPage": cursor != nil,
        ]
        if let next = result.next {
            view["nextPage"] = "/agent/tickets?" + (parameters.viewID.map { "view=\($0)&cursor=" } ?? parameters.urlQuery() + "&cursor=")
                + ListURLQuery.encode(next)
        }
        if let activeView { view["activeView"] = activeView.name }
        return try pages.page("agent/tickets", title: "tickets.title", view: view, context: context, request: request, section: "tickets")
    }

    /// Queues the agent may read, depth first, with their open tickets; the selected one marked.
    private func queueTree(master: MasterData, counts: [TicketCount], principal: Principal, selected: Int64?, parameters: TicketListParameters) -> [[String: Any]] {
        let visible = master.queues.filter { principal.isAdmin || principal.queueRights[$0.id]?.contains(.read) == true }
        let visibleIDs = Set(visible.map(\.id))
        var rows: [[String: Any]] = []
        func add(parent: Int64?, depth: Int) {
            for queue in visible.filter({ $0.parentID == parent || (depth == 0 && $0.parentID.map { !visibleIDs.contains($0) } == true) })
                .sorted(by: { $0.name < $1.name }) where !rows.contains(where: { $0["id"] as? Int64 == queue.id }) {
                let open = counts.filter { $0.queueId == queue.id }.reduce(0) { $0 + $1.count }
                rows.append([
                    "id": queue.id, "name": queue.name.components(separatedBy: "::").last ?? queue.name, "open": open, "depth": depth, "selected": queue.id == selected,
                    "href": "/agent/tickets?" + parameters.urlQuery(["queue": String(queue.id), "view": nil]),
                ])
                add(parent: queue.id, depth: depth + 1)
            }
        }
        add(parent: nil, depth: 0)
        return rows
    }

    /// The column headers; sortable ones link to the list sorted by them (again: the other direction).
    private func columns(_ parameters: TicketListParameters, _ context: AppRequestContext) -> [[String: Any]] {
        let keys: [(String, TicketListQuery.Sort?)] = [
            ("number", .number), ("title", .title), ("queue", nil), ("priority", .priority), ("requester", nil),
            ("owner", nil), ("age", .created), ("sla", .escalation),
        ]
        return keys.map { key, sort in
            var column: [String: Any] = ["label": pages.text("ticket.\(key)", context)]
            if let sort {
                let current = parameters.sort == sort
                let descending = current ? !parameters.descending : (sort == .created || sort == .priority)
                column["href"] = "/agent/tickets?" + parameters.urlQuery(["sort": (descending ? "-" : "") + sort.rawValue])
                if current { column["sorted"] = parameters.descending ? "descending" : "ascending" }
            }
            return column
        }
    }

    private func filterForm(_ parameters: TicketListParameters, master: MasterData, context: AppRequestContext) -> [String: Any] {
        let english = context.language == .en
        var form: [String: Any] = [
            "q": parameters.query, "mine": parameters.owner == "me",
            "scopes": TicketListParameters.Scope.allCases.map { ["value": $0.rawValue, "label": pages.text("tickets.scope.\($0.rawValue)", context),
                                                                 "selected": $0 == parameters.scope && parameters.stateID == nil] },
            "states": master.states.filter(\.isActive).map { ["id": $0.id, "name": (english ? $0.nameEN : nil) ?? $0.name, "selected": $0.id == parameters.stateID] },
            "slas": TicketSLAStatus.allCases.map { ["value": $0.rawValue, "label": pages.text("sla.status.\($0.rawValue)", context), "selected": $0 == parameters.sla] },
            "sort": (parameters.descending ? "-" : "") + parameters.sort.rawValue,
        ]
        if let queueID = parameters.queueID { form["queueId"] = queueID }
        return form
    }

    private func bulkForm(master: MasterData, principal: Principal, context: AppRequestContext) async throws -> [String: Any] {
        let english = context.language == .en
        return [
            "states": master.states.filter(\.isActive).map { ["id": $0.id, "name": (english ? $0.nameEN : nil) ?? $0.name] },
            "queues": master.queues.filter { $0.isActive && (principal.isAdmin || principal.queueRights[$0.id]?.contains(.move) == true) }
                .map { ["id": $0.id, "name": $0.name] },
            "priorities": master.priorities.filter(\.isActive).sorted { $0.rank > $1.rank }.map { ["id": $0.id, "name": (english ? $0.nameEN : nil) ?? $0.name] },
            "agents": try await AgentChoices.options(services, principal: principal).map { ["id": $0.id, "name": $0.name] },
        ]
    }

    private func bulk(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAgent()
        let form = context.form
        var change = BulkTicketChange(ticketIds: form.ids("ticket"))
        change.stateId = form.id("stateId")
        change.ownerId = form.id("ownerId")
        change.queueId = form.id("queueId")
        change.priorityId = form.id("priorityId")
        change.note = form.trimmed("note")
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        change.pendingUntil = form.trimmed("pendingUntil").flatMap(time.date(fromInput:))
        if let number = form.trimmed("mergeInto") {
            let found = try await services.tickets.list(TicketListRequest(query: "number:\(number)"), for: principal).items.first
            guard let target = found else { throw DomainError.invalid(field: "mergeInto", pages.text("tickets.bulk.noSuchTicket", context, ["number": number])) }
            change.mergeIntoId = target.id
        }
        let back = SignInController.localPath(form["back"]).flatMap { $0.hasPrefix("/agent/tickets") ? $0 : nil } ?? "/agent/tickets"
        let outcomes = try await services.tickets.bulk(change, by: principal)
        if outcomes.allSatisfy(\.ok) { return PageRenderer.redirect(to: back, notice: "bulkDone") }
        var failed: [[String: Any]] = []
        for outcome in outcomes where !outcome.ok {
            let ticket = try? await services.tickets.ticket(outcome.id, for: principal)
            var row: [String: Any] = ["number": ticket?.number ?? "#\(outcome.id)", "title": ticket?.title ?? "", "error": outcome.error ?? ""]
            if ticket != nil { row["href"] = "/agent/tickets/\(outcome.id)" }
            failed.append(row)
        }
        let view: [String: Any] = [
            "back": back,
            "failures": failed, "failed": failed.count, "done": outcomes.count - failed.count,
        ]
        return try pages.page("agent/bulk-result", title: "tickets.bulk.resultTitle", view: view, context: context, request: request,
                              section: "tickets", status: .ok)
    }

    private func saveView(_ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAgent()
        let form = context.form
        let parameters = TicketListParameters(query: form["listQuery"] ?? "")
        let saved = try await services.ticketViews.save(
            TicketViewInput(name: form.trimmed("name") ?? "", filter: parameters.filter(for: principal), shared: form.isChecked("shared")), by: principal
        )
        return PageRenderer.redirect(to: "/agent/tickets?view=\(saved.id)", notice: "viewSaved")
    }
}
