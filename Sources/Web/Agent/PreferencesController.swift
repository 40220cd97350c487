import Domain
import Hummingbird
import Services

/// The signed-in agent's own settings: language and password.
struct PreferencesController {
    let services: WebServices
    let pages: PageRenderer

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("preferences") { request, context -> Response in
            _ = try context.requireAgent()
            return try page(request, context)
        }
        agent.post("preferences/password") { request, context -> Response in
            let principal = try context.requireAgent()
            let form = context.form
            guard form["newPassword"] == form["repeatPassword"] else {
                return try page(request, context, issues: ["repeatPassword": pages.text("preferences.passwordMismatch", context)])
            }
            do {
                try await services.users.setPassword(of: principal.userID, current: form["currentPassword"] ?? "", new: form["newPassword"] ?? "", by: principal)
            } catch DomainError.invalid(_, let issues) {
                return try page(request, context, issues: Dictionary(issues.map { ($0.field == "password" ? "newPassword" : $0.field, $0.message) }) { a, _ in a })
            }
            return PageRenderer.redirect(to: "/agent/preferences", notice: "passwordChanged")
        }
    }

    private func page(_ request: Request, _ context: AppRequestContext, issues: [String: String] = [:]) throws -> Response {
        let view: [String: Any] = [
            "languages": UILanguage.allCases.map { ["code": $0.rawValue, "label": pages.text("language.\($0.rawValue)", context), "selected": $0 == context.language] },
            "issues": issues, "hasIssues": !issues.isEmpty,
        ]
        return try pages.page("agent/preferences", title: "preferences.title", view: view, context: context, request: request,
                              section: "preferences", status: issues.isEmpty ? .ok : .unprocessableContent)
    }
}
