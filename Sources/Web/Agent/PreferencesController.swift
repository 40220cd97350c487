import Domain
import Hummingbird
import Services

/// The signed-in agent's own settings: language and password.
struct PreferencesController {
    let services: WebServices
    let pages: PageRenderer

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("preferences") { request, context -> Response in
            try await page(request, context, principal: try context.requireAgent())
        }
        agent.post("preferences/totp/begin") { request, context -> Response in
            let principal = try context.requireAgent()
            let enrolment = try await services.secondFactor.begin(for: principal)
            return try await page(request, context, principal: principal, enrolment: enrolment)
        }
        for (step, issueField, notice) in [("confirm", "code", "totpEnabled"), ("disable", "disableCode", "totpDisabled")] {
            agent.post("preferences/totp/\(step)") { request, context -> Response in
                let principal = try context.requireAgent()
                let code = context.form.trimmed("code") ?? ""
                do {
                    if step == "confirm" {
                        try await services.secondFactor.confirm(code: code, for: principal)
                    } else {
                        try await services.secondFactor.disable(code: code, for: principal)
                    }
                } catch DomainError.invalid(let message, _) {
                    return try await page(request, context, principal: principal, issues: [issueField: message])
                }
                return PageRenderer.redirect(to: "/agent/preferences", notice: notice)
            }
        }
        agent.post("preferences/password") { request, context -> Response in
            let principal = try context.requireAgent()
            let form = context.form
            guard form["newPassword"] == form["repeatPassword"] else {
                return try await page(request, context, principal: principal, issues: ["repeatPassword": pages.text("preferences.passwordMismatch", context)])
            }
            do {
                try await services.users.setPassword(of: principal.userID, current: form["currentPassword"] ?? "", new: form["newPassword"] ?? "", by: principal)
            } catch DomainError.invalid(_, let issues) {
                let byField = Dictionary(issues.map { ($0.field == "password" ? "newPassword" : $0.field, pages.text(of: $0, context)) }) { first, _ in first }
                return try await page(request, context, principal: principal, issues: byField)
            }
            return PageRenderer.redirect(to: "/agent/preferences", notice: "passwordChanged")
        }
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, principal: Principal, issues: [String: String] = [:],
        enrolment: SecondFactorService.Enrolment? = nil
    ) async throws -> Response {
        var view: [String: Any] = [
            "totpEnabled": try await services.secondFactor.isEnabled(for: principal),
            "languages": UILanguage.allCases.map { ["code": $0.rawValue, "label": pages.text("language.\($0.rawValue)", context), "selected": $0 == context.language] },
            "issues": issues, "hasIssues": !issues.isEmpty,
        ]
        if let enrolment { view["enrolment"] = ["secret": enrolment.secret, "uri": enrolment.uri] }
        return try pages.page("agent/preferences", title: "preferences.title", view: view, context: context, request: request,
                              section: "preferences", status: issues.isEmpty ? .ok : .unprocessableContent)
    }
}
