import Domain
import Hummingbird
import NIOCore
import Services

/// `POST /api/v1/mail/inbound`: a raw RFC 5322 message as the body, for relays and tests; answered only
/// after the message is committed.
struct MailController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.post("mail/inbound") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: MailIntake.maxMessageBytes)
            } catch {
                throw DomainError.tooLarge("The message is larger than \(MailIntake.maxMessageBytes / 1_048_576) MB.")
            }
            let result = try await services.mail.ingest(Array(buffer: body), queue: request.query("queue"), by: principal)
            return try APIBody.response(result, status: .created)
        }
    }
}
