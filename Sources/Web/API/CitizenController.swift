import Domain
import Foundation
import Hummingbird
import Services

/// Citizens without an account, under `/api/v1/portal/public`: submit a concern, confirm it by the mailed token,
/// follow it and reply by the private status token. Tokens travel in bodies, never in logged URLs.
struct CitizenController {
    let services: WebServices

    /// A token from a mailed link.
    struct TokenInput: Decodable {
        var token: String
    }

    /// A reply through the status link.
    struct ReplyInput: Decodable {
        var token: String
        var body: String?
        var attachments: [NewAttachment]?
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        let citizens = services.citizens
        api.post("portal/public/catalogue/:id/concerns") { request, context -> Response in
            let submission = try await APIBody.decode(CitizenSubmission.self, from: request)
            let receipt = try await citizens.submit(to: try context.id(), submission, from: context.remoteAddress ?? "unknown")
            return try APIBody.response(receipt, status: .accepted)
        }
        api.post("portal/public/confirmations") { request, context -> Response in
            let input = try await APIBody.decode(TokenInput.self, from: request)
            return try APIBody.response(try await citizens.confirm(token: input.token), status: .created)
        }
        api.post("portal/public/status") { request, context -> Response in
            let input = try await APIBody.decode(TokenInput.self, from: request)
            return try APIBody.response(try await citizens.status(token: input.token))
        }
        api.post("portal/public/status/replies") { request, context -> Response in
            let input = try await APIBody.decode(ReplyInput.self, from: request)
            let detail = try await citizens.reply(token: input.token, RequesterMessage(body: input.body, attachments: input.attachments))
            return try APIBody.response(detail, status: .created)
        }
        api.get("portal/hints") { request, context -> Response in
            let hints = try await services.solutions.hints(for: request.query("q") ?? "", limit: try request.queryInt("limit") ?? 5)
            return try APIBody.response(ItemList(items: hints))
        }
    }
}
