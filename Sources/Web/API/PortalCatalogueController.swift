import Domain
import Foundation
import Hummingbird
import Services

/// The service catalogue under `/api/v1/portal`: browse and search (citizens without an account see public
/// categories), a category with its form, submitting a request, and the catalogue's administration.
struct PortalCatalogueController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let catalogue = services.catalogue
        api.get("portal/catalogue") { request, context -> Response in
            try APIBody.response(ItemList(items: try await catalogue.categories(matching: request.query("q"), for: context.principal)))
        }
        api.get("portal/catalogue/:id") { _, context -> Response in
            try APIBody.response(try await catalogue.entry(try context.id(), for: context.principal))
        }
        api.post("portal/catalogue/:id/requests") { request, context -> Response in
            let submission = try await APIBody.decode(FormSubmission.self, from: request)
            let created = try await services.requests.submit(to: try context.id(), submission, by: try context.requirePrincipal())
            return try APIBody.response(created, status: .created, headers: [.location: "/api/v1/portal/requests/\(created.request.ticketId)"])
        }
        api.post("portal/categories") { request, context -> Response in
            let input = try await APIBody.decode(CategoryInput.self, from: request)
            let created = try await catalogue.create(input, by: try context.requirePrincipal())
            return try APIBody.response(created, status: .created, headers: [
                .eTag: TicketController.etag(created.version), .location: "/api/v1/portal/catalogue/\(created.id)",
            ])
        }
        api.patch("portal/categories/:id") { request, context -> Response in
            let changes = try await APIBody.decode(CategoryChanges.self, from: request)
            let updated = try await catalogue.update(
                try context.id(), changes, expectedVersion: try TicketController.ifMatch(request), by: try context.requirePrincipal()
            )
            return try APIBody.response(updated, headers: [.eTag: TicketController.etag(updated.version)])
        }
    }
}
