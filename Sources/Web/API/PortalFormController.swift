import Domain
import Foundation
import Hummingbird
import Services

/// Request forms under `/api/v1/portal/forms` (administrators): every save (`PUT` with `If-Match`) is a new
/// version; earlier versions stay readable; a draft can be tried out without creating anything.
struct PortalFormController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let forms = services.requestForms
        api.get("portal/forms") { _, context -> Response in
            try APIBody.response(ItemList(items: try await forms.forms(by: try context.requirePrincipal())))
        }
        api.post("portal/forms") { request, context -> Response in
            let form = try await APIBody.decode(RequestForm.self, from: request)
            let created = try await forms.create(form, by: try context.requirePrincipal())
            return try APIBody.response(created, status: .created, headers: [
                .eTag: TicketController.etag(created.record.version), .location: "/api/v1/portal/forms/\(created.record.id)",
            ])
        }
        api.post("portal/forms/preview") { request, context -> Response in
            let preview = try await APIBody.decode(FormPreviewRequest.self, from: request)
            return try APIBody.response(try await forms.preview(preview, by: try context.requirePrincipal()))
        }
        api.get("portal/forms/:id") { _, context -> Response in
            let form = try await forms.form(try context.id(), by: try context.requirePrincipal())
            return try APIBody.response(form, headers: [.eTag: TicketController.etag(form.record.version)])
        }
        api.put("portal/forms/:id") { request, context -> Response in
            let form = try await APIBody.decode(RequestForm.self, from: request)
            let saved = try await forms.save(try context.id(), form, expectedVersion: try TicketController.ifMatch(request), by: try context.requirePrincipal())
            return try APIBody.response(saved, headers: [.eTag: TicketController.etag(saved.record.version)])
        }
        api.get("portal/forms/:id/versions/:version") { _, context -> Response in
            try APIBody.response(try await forms.version(try context.id("version"), of: try context.id(), by: try context.requirePrincipal()))
        }
    }
}
