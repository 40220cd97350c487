import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// Resolves the browser session of the web interface, picks the page language and, for every request
/// that changes state, reads the form and checks its CSRF token.
///
/// Signed-in forms carry the session's token. Forms shown before sign-in (the sign-in form itself, public
/// forms) use a random token kept in an HttpOnly cookie and repeated in the form (double submit).
struct BrowserSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let anonymousTokenCookie = "tw_csrf"
    static let formTokenField = "_csrf"

    let auth: AuthService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value, let (principal, token) = try await auth.session(cookie) {
            context.principal = principal
            context.csrfToken = token
        }
        context.language = UILanguage.negotiate(
            saved: context.principal?.locale, cookie: request.cookies[UILanguage.cookie]?.value,
            acceptLanguage: request.headers[.acceptLanguage]
        )
        var issuedToken: String?
        if context.csrfToken == nil {
            if let existing = request.cookies[Self.anonymousTokenCookie]?.value, existing.count >= 32 {
                context.csrfToken = existing
            } else {
                issuedToken = Secrets.newToken(prefix: "")
                context.csrfToken = issuedToken
            }
        }
        if ![.get, .head].contains(request.method) {
            guard issuedToken == nil else { throw DomainError.forbidden("The form has expired; reload the page and send it again.") }
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: APIBody.maxBytes)
            } catch {
                throw DomainError.tooLarge("The form is larger than \(APIBody.maxBytes / 1_048_576) MB.")
            }
            do {
                context.form = try FormData.parse(body, contentType: request.headers[.contentType])
            } catch {
                guard case .malformed(let message) = error else { throw error }
                throw DomainError.invalid(field: "form", message)
            }
            let sent = context.form[Self.formTokenField] ?? request.headers[AuthenticationMiddleware.csrfHeader]
            guard let sent, let expected = context.csrfToken, Secrets.constantTimeEquals(sent, expected) else {
                throw DomainError.forbidden("The form has expired; reload the page and send it again.")
            }
        }
        var response = try await next(request, context)
        if let issuedToken {
            response.setCookie(Cookie(name: Self.anonymousTokenCookie, value: issuedToken, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
