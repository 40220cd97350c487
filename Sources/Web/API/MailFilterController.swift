import Domain
import Hummingbird
import NIOCore
import Services

/// `/api/v1/mail/filters` (postmaster filters, in the order they run) and `/api/v1/mail/ignored` (the mails
/// they dropped, with their raw bytes); administrators only. A filter's reads and changes carry its version as `ETag`;
/// a change with a stale `If-Match` is refused with 412.
struct MailFilterController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("mail/filters") { _, context -> Response in
            try APIBody.response(ItemList(items: try await services.mailFilters.list(by: try context.requirePrincipal())))
        }
        api.post("mail/filters") { request, context -> Response in
            let input = try await APIBody.decode(MailFilterInput.self, from: request)
            return try APIBody.response(try await services.mailFilters.create(input, by: try context.requirePrincipal()), status: .created)
        }
        api.get("mail/filters/:id") { _, context -> Response in
            try APIBody.response(try await services.mailFilters.get(try context.id(), by: try context.requirePrincipal()))
        }
        api.patch("mail/filters/:id") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let id = try context.id()
            let expectedVersion = try TicketController.ifMatch(request)
            let input = try await APIBody.decode(MailFilterInput.self, from: request)
            return try APIBody.response(try await services.mailFilters.update(id, input, expectedVersion: expectedVersion, by: principal))
        }
        api.delete("mail/filters/:id") { _, context -> Response in
            try await services.mailFilters.delete(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.get("mail/ignored") { request, context -> Response in
            try APIBody.response(try await services.mailFilters.ignored(
                after: try request.queryInt("after").map(Int64.init), limit: try request.queryInt("limit") ?? 100, by: try context.requirePrincipal()))
        }
        api.get("mail/ignored/:id/raw") { _, context -> Response in
            let raw = try await services.mailFilters.ignoredRaw(try context.id(), by: try context.requirePrincipal())
            return Response(status: .ok, headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"ignored.eml\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: raw)))
        }
    }
}
