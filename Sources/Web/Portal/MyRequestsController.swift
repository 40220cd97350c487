import Domain
import Foundation
import Hummingbird
import Services

/// "Meine Anfragen": the customer's requests (and, when granted, their organisation's), newest change first,
/// each with its state in plain words and its SLA promise, linked to its page.
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
            let summaries = try await services.requests.summaries(of: page.items, by: principal)
            let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
            let rows = summaries.map { summary -> [String: Any] in
                var row: [String: Any] = [
                    "id": summary.ticketId, "number": summary.number, "title": summary.title,
                    "status": summary.status.rawValue, "statusText": summary.statusText, "changed": time.absolute(summary.changedAt),
                ]
                if let promise = summary.promise { row["promise"] = promise.text }
                return row
            }
            var view: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty, "q": request.uri.queryParameters["q"].map(String.init) ?? ""]
            if let next = page.next { view["nextPage"] = "/portal/?cursor=" + ListURLQuery.encode(next) }
            return try pages.page("portal/requests", title: "portal.requests.title", view: view, context: context, request: request, section: "requests")
        }
    }
}
