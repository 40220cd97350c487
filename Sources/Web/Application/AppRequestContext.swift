import Domain
import Hummingbird

/// Per-request state: the authenticated principal, if any.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is calling; set by `AuthenticationMiddleware`.
    public var principal: Principal?
    /// The peer's IP address, when the connection has one (rate limits of anonymous requests count by it).
    public let remoteAddress: String?

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
