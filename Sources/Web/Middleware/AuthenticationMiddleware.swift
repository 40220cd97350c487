import Domain
import HTTPTypes
import Hummingbird
import Services

/// Resolves the caller from `Authorization: Bearer <token>` or the session cookie. Cookie-authenticated
/// requests that change state must carry the session's CSRF token in `X-CSRF-Token`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "tw_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let auth: AuthService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "), let principal = try await auth.principal(forToken: String(header.dropFirst(7))) else {
                throw DomainError.unauthenticated("The token is unknown or revoked.")
            }
            context.principal = principal
        } else if let cookie = request.cookies[Self.sessionCookie]?.value {
            guard let (principal, csrf) = try await auth.session(cookie) else {
                throw DomainError.unauthenticated("The session has expired; sign in again.")
            }
            if ![.get, .head, .options].contains(request.method) {
                guard let sent = request.headers[Self.csrfHeader], Secrets.constantTimeEquals(sent, csrf) else {
                    throw DomainError.forbidden("The CSRF token is missing or wrong.")
                }
            }
            context.principal = principal
        }
        return try await next(request, context)
    }
}
