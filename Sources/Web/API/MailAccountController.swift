import Domain
import Hummingbird
import Services

/// `/api/v1/mail/accounts`: the IMAP accounts the workers poll, with their poll status; administrators only.
/// The password is accepted but never returned. Reads and changes carry the account's version as `ETag`; a change
/// with a stale `If-Match` is refused with 412.
struct MailAccountController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("mail/accounts") { _, context -> Response in
            try APIBody.response(ItemList(items: try await services.mailAccounts.list(by: try context.requirePrincipal())))
        }
        api.post("mail/accounts") { request, context -> Response in
            let input = try await APIBody.decode(MailAccountInput.self, from: request)
            return try APIBody.response(try await services.mailAccounts.create(input, by: try context.requirePrincipal()), status: .created)
        }
        api.get("mail/accounts/:id") { _, context -> Response in
            try APIBody.response(try await services.mailAccounts.get(try context.id(), by: try context.requirePrincipal()))
        }
        api.patch("mail/accounts/:id") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let id = try context.id()
            let expectedVersion = try TicketController.ifMatch(request)
            let input = try await APIBody.decode(MailAccountInput.self, from: request)
            return try APIBody.response(try await services.mailAccounts.update(id, input, expectedVersion: expectedVersion, by: principal))
        }
        api.delete("mail/accounts/:id") { _, context -> Response in
            try await services.mailAccounts.delete(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
    }
}
