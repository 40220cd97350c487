import Domain
import Hummingbird

/// Per-request state: the authenticated principal, if any, and for browser pages the session's
/// CSRF token, the interface language and the submitted form.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is calling; set by `AuthenticationMiddleware` or `BrowserSessionMiddleware`.
    public var principal: Principal?
    /// The client's IP address, when the connection has one (rate limits of anonymous requests count by it): the
    /// peer's, or behind a trusted proxy the one it forwarded (`ClientAddressMiddleware`).
    public internal(set) var remoteAddress: String?
    /// The token every form of the signed-in session must send back; set by `BrowserSessionMiddleware`.
    var csrfToken: String?
    /// The language pages are rendered in; set by `BrowserSessionMiddleware`.
    var language = UILanguage.de
    /// The submitted form of a state-changing browser request, already checked against CSRF.
    var form = FormData(fields: [])

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies may carry attachments; bodies are still bounded by `APIBody.maxBytes`.
    public var maxUploadSize: Int { APIBody.maxBytes }

    /// The principal, or a 401 problem when the request is anonymous.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw DomainError.unauthenticated("Sign in or send 'Authorization: Bearer <token>'.") }
        return principal
    }
}
