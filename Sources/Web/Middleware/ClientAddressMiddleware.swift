import HTTPTypes
import Hummingbird

/// Sets the request's client address: behind a trusted reverse proxy the address it forwarded in `X-Forwarded-For`,
/// else the peer's (see `TrustedProxies`). Without trusted proxies the header is ignored.
struct ClientAddressMiddleware: RouterMiddleware {
    let trusted: TrustedProxies

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        guard !trusted.isEmpty else { return try await next(request, context) }
        var context = context
        context.remoteAddress = trusted.clientAddress(
            peer: context.remoteAddress, forwardedFor: request.headers[values: HTTPField.Name("X-Forwarded-For")!]
        )
        return try await next(request, context)
    }
}
