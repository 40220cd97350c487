import Domain
import Hummingbird
import Services

/// Saved ticket lists under `/api/v1/ticket-views`, and changing many tickets at once (`POST /tickets/bulk`).
struct TicketViewController {
    let services: WebServices

    struct BulkResult: Encodable {
        var items: [BulkTicketOutcome]
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        let views = services.ticketViews
        api.get("ticket-views") { _, context -> Response in
            try APIBody.response(ItemList(items: try await views.views(for: try context.requirePrincipal())))
        }
        api.post("ticket-views") { request, context -> Response in
            let input = try await APIBody.decode(TicketViewInput.self, from: request)
            return try APIBody.response(try await views.save(input, by: try context.requirePrincipal()), status: .created)
        }
        api.delete("ticket-views/:id") { _, context -> Response in
            try await views.delete(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.get("ticket-views/:id/tickets") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let view = try await views.view(try context.id(), for: principal)
            let list = view.filter.listRequest(cursor: request.query("cursor"), limit: try request.queryInt("limit") ?? 50)
            return try APIBody.response(try await services.tickets.list(list, for: principal))
        }
        api.post("tickets/bulk") { request, context -> Response in
            let input = try await APIBody.decode(BulkTicketChange.self, from: request)
            return try APIBody.response(BulkResult(items: try await services.tickets.bulk(input, by: try context.requirePrincipal())))
        }
    }
}
