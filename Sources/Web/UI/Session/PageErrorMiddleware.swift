import Foundation
import Domain
import Hummingbird

/// Shows failures of browser pages as pages: an anonymous visitor is sent to the sign-in page (and back
/// afterwards); everything else gets an error page in the visitor's language with the same status the
/// REST API would send.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer
    /// Where anonymous visitors of this area sign in.
    let signInPath: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch DomainError.unauthenticated {
            let back = request.method == .get ? request.uri.description : nil
            return PageRenderer.redirect(to: signInPath + (back.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""))
        } catch let error as DomainError {
            let problem = Problem(error)
            let issues = problem.errors?.map { ["field": $0.field, "message": pages.text(of: $0, context)] } ?? []
            let view: [String: Any] = ["status": problem.status, "detail": error.message, "issues": issues, "hasIssues": !issues.isEmpty]
            return try pages.page(
                "shared/error", title: "error.\(problem.status)", view: view, context: context, request: request,
                status: .init(code: problem.status)
            )
        } catch let error as HTTPError where (400..<500).contains(error.status.code) {
            let code = error.status.code
            return try pages.page("shared/error", title: "error.\(code)", view: ["status": code], context: context, request: request, status: error.status)
        }
    }
}
