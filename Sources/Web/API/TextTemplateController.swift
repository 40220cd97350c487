import Domain
import Hummingbird
import Services

/// `/api/v1/text-templates` (administrators keep them, agents read them) and
/// `POST /api/v1/tickets/{id}/text-templates/{templateId}/render` (a template filled in for a ticket). A template's reads
/// and changes carry its version as `ETag`; a change with a stale `If-Match` is refused with 412.
struct TextTemplateController {
    let services: WebServices

    struct RenderRequest: Decodable {
        var language: String?
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        let templates = services.textTemplates
        api.get("text-templates") { request, context -> Response in
            let queueID = try request.queryIDs("queueId").last
            return try APIBody.response(ItemList(items: try await templates.list(inQueue: queueID, by: try context.requirePrincipal())))
        }
        api.post("text-templates") { request, context -> Response in
            let input = try await APIBody.decode(TextTemplateInput.self, from: request)
            return try APIBody.response(try await templates.create(input, by: try context.requirePrincipal()), status: .created)
        }
        api.get("text-templates/:id") { _, context -> Response in
            try APIBody.response(try await templates.get(try context.id(), by: try context.requirePrincipal()))
        }
        api.patch("text-templates/:id") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let id = try context.id()
            let expectedVersion = try TicketController.ifMatch(request)
            let input = try await APIBody.decode(TextTemplateInput.self, from: request)
            return try APIBody.response(try await templates.update(id, input, expectedVersion: expectedVersion, by: principal))
        }
        api.delete("text-templates/:id") { _, context -> Response in
            try await templates.delete(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.post("tickets/:id/text-templates/:templateId/render") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let input = try await APIBody.decode(RenderRequest.self, from: request)
            return try APIBody.response(try await templates.render(
                try context.id("templateId"), forTicket: try context.id(), language: input.language, by: principal))
        }
    }
}
