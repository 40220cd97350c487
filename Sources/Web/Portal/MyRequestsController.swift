import Domain
import Foundation
import Hummingbird
import Services

/// "Meine Anfragen": the customer's requests (and, when granted, their organisation's), newest change first,
/// with their state in the customer's language.
struct MyRequestsController {
    let services: WebServices
    let pages: PageRenderer
    static let pageSize = 25

    func register(on portal: RouterGroup<AppRequestContext>) {
        portal.get("") { request, context -> Response in
            let principal = try context.requireCustomer()
            var list = TicketListRequest(query: request.uri.queryParameters["q"].map(String.init))
            list.sort = .changed
            list.descending = true
            list.limit = Self.pageSize
            list.stateTypes = StateType.allCases.filter { $0 != .merged && $0 != .removed }
            list.cursor = request.uri.queryParameters["cursor"].map(String.init)
            let page = try await services.tickets.list(list, for: principal)
            let master = try await services.masterData.snapshot()
            let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
            let english = context.language == .en
            let rows = page.items.map { ticket -> [String: Any] in
                let state = master.state(ticket.stateId)
                return [
                    "id": ticket.id, "number": ticket.number, "title": ticket.title,
                    "state": (english ? state?.nameEN : nil) ?? ticket.state, "stateType": ticket.stateType.rawValue,
                    "changed": time.absolute(ticket.changedAt), "created": time.absolute(ticket.createdAt),
                ]
            }
            var view: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "q": request.uri.queryParameters["q"].map(String.init) ?? ""]
            if let next = page.next { view["nextPage"] = "/portal/?cursor=" + TicketListParameters.encode(next) }
            return try pages.page("portal/requests", title: "portal.requests.title", view: view, context: context, request: request, section: "requests")
        }
    }
}
