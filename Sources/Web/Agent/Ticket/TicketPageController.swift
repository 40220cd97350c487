import Domain
import Hummingbird
import Services

/// The ticket page (`/agent/tickets/{id}`, `?compose=KIND&article=ID` opens a compose form), its print view,
/// and the download of attachments for agents. Opening the page marks the ticket seen for the agent.
struct TicketPageController {
    let services: WebServices
    let pages: PageRenderer

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("tickets/:id") { request, context -> Response in
            let principal = try context.requireAgent()
            let id = try context.id()
            let compose = request.uri.queryParameters["compose"].flatMap { ComposeRequest.Kind(rawValue: String($0)) }.map { kind in
                ComposeRequest(kind: kind, articleID: request.uri.queryParameters["article"].flatMap { Int64(String($0)) })
            }
            let response = try await TicketPage(services: services, pages: pages, context: context, principal: principal)
                .response(id, request: request, compose: compose)
            try await services.tickets.markSeen(id, by: principal)
            return response
        }
        agent.get("tickets/:id/print") { request, context -> Response in
            let principal = try context.requireAgent()
            var page = TicketPage(services: services, pages: pages, context: context, principal: principal)
            page.printing = true
            return try await page.response(try context.id(), request: request)
        }
        agent.get("attachments/:id") { _, context -> Response in
            let (attachment, content) = try await services.tickets.attachment(try context.id(), for: try context.requireAgent())
            return AttachmentResponse.make(attachment, content: content)
        }
    }
}
