import Domain
import Hummingbird
import Services

/// `/api/v1/admin/changes`: the administrators' change log, newest first (administrators only).
struct AdminChangeController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("admin/changes") { request, context -> Response in
            try APIBody.response(try await services.adminChanges.recent(
                before: try request.queryInt("before").map(Int64.init), limit: try request.queryInt("limit") ?? 50, by: try context.requirePrincipal()
            ))
        }
    }
}
