import Domain
import Hummingbird

/// Refuses requests whose query parameters hold NUL (U+0000): no stored text contains it, and PostgreSQL
/// cannot even compare text with it. (JSON bodies are checked by `APIBody`.)
struct QueryTextMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        for (name, value) in request.uri.queryParameters where name.contains("\u{0}") || value.contains("\u{0}") {
            throw DomainError.invalid(FieldIssue(
                field: String(name), .singleLine, detail: "Query parameters must not contain NUL (U+0000) characters."
            ))
        }
        return try await next(request, context)
    }
}
