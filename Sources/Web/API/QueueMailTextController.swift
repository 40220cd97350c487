import Domain
import Hummingbird
import Services

/// `GET`/`PUT /api/v1/queues/{id}/mail-texts`: a queue's signature and automatic answers (administrators), with one
/// version for all of them as `ETag`; a `PUT` with a stale `If-Match` is refused with 412.
struct QueueMailTextController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("queues/:id/mail-texts") { _, context -> Response in
            try APIBody.response(try await services.queueMailTexts.texts(ofQueue: try context.id(), by: try context.requirePrincipal()))
        }
        api.put("queues/:id/mail-texts") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let expectedVersion = try TicketController.ifMatch(request)
            let input = try await APIBody.decode(QueueMailTexts.self, from: request)
            return try APIBody.response(try await services.queueMailTexts.replace(
                ofQueue: try context.id(), with: input, expectedVersion: expectedVersion, by: principal))
        }
    }
}
