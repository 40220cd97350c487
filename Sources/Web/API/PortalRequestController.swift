import Domain
import Foundation
import Hummingbird
import Services

/// A customer's requests under `/api/v1/portal/requests`: the list (their own, `?organisation=true` with their
/// organisation's when granted), one request with its messages, confirming or reopening a solved one; and their
/// configuration items to pick in a form. Replies go to `POST /api/v1/tickets/{id}/articles`.
struct PortalRequestController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let requests = services.requests
        api.get("portal/requests") { request, context -> Response in
            let organisation = request.query("organisation")
            guard organisation == nil || organisation == "true" || organisation == "false" else {
                throw DomainError.invalid(FieldIssue(field: "organisation", .invalidChoice))
            }
            let page = try await requests.requests(
                includingOrganisation: organisation == "true", cursor: request.query("cursor"), limit: try request.queryInt("limit") ?? 50,
                by: try context.requirePrincipal()
            )
            return try APIBody.response(page)
        }
        api.get("portal/requests/:id") { _, context -> Response in
            try APIBody.response(try await requests.request(try context.id(), by: try context.requirePrincipal()))
        }
        api.post("portal/requests/:id/confirm") { _, context -> Response in
            try APIBody.response(try await requests.confirm(try context.id(), by: try context.requirePrincipal()))
        }
        api.post("portal/requests/:id/reopen") { request, context -> Response in
            let message = try await APIBody.decode(RequesterMessage.self, from: request)
            return try APIBody.response(try await requests.reopen(try context.id(), message, by: try context.requirePrincipal()))
        }
        api.get("portal/config-items") { request, context -> Response in
            guard let classID = try request.queryIDs("classId").last else { throw DomainError.invalid(FieldIssue(field: "classId", .required)) }
            return try APIBody.response(ItemList(items: try await requests.configItems(ofClass: classID, by: try context.requirePrincipal())))
        }
    }
}
