import Hummingbird

/// Lets only administrators past: every page of the admin area, even an unknown one, answers anonymous visitors
/// with the sign-in page and other users with 403.
struct AdminOnlyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try context.requireAdmin()
        return try await next(request, context)
    }
}
