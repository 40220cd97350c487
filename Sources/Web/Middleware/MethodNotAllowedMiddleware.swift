import HTTPTypes
import Hummingbird

/// Answers 405 with an `Allow` header, instead of the router's 404, when a request names a documented REST
/// path with a method that path does not have (`DELETE /api/v1/queues`, say).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.endpointPath == "NotFound" {
            let allowed = routes.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else { throw error }
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: allowed.joined(separator: ", ")],
                message: "\(request.method.rawValue) is not allowed here; allowed: \(allowed.joined(separator: ", "))."
            )
        }
    }
}
