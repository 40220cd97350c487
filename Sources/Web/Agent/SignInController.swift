import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// Signing in and out of the web interface, and choosing the language before sign-in.
struct SignInController {
    let services: WebServices
    let pages: PageRenderer

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("login") { request, context -> Response in
            if let principal = context.principal, principal.isAgent { return PageRenderer.redirect(to: "/agent/") }
            return try form(request, context, login: "", error: nil)
        }
        agent.post("login") { request, context -> Response in
            let form = context.form
            let login = form.trimmed("login") ?? ""
            do {
                let grant = try await services.auth.signIn(login: login, password: form["password"] ?? "", totpCode: form.trimmed("totp"))
                var response = PageRenderer.redirect(to: Self.landing(after: form["next"], for: grant.principal))
                response.setCookie(Self.sessionCookie(grant.sessionToken, expires: grant.expiresAt, request: request))
                return response
            } catch DomainError.unauthenticated {
                return try self.form(request, context, login: login, error: "signin.failed", status: .unauthorized)
            } catch DomainError.rateLimited {
                return try self.form(request, context, login: login, error: "signin.locked", status: .tooManyRequests)
            }
        }
        agent.post("logout") { request, _ -> Response in
            if let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value {
                try await services.auth.signOut(sessionToken: cookie)
            }
            var response = PageRenderer.redirect(to: "/agent/login", notice: "signedOut")
            response.setCookie(Self.sessionCookie("", expires: Date(timeIntervalSince1970: 0), request: request))
            return response
        }
        agent.post("language") { _, context -> Response in
            let language = UILanguage(rawValue: context.form["language"] ?? "") ?? .de
            if let principal = context.principal {
                try await services.users.setLocale(of: principal.userID, to: language.rawValue, by: principal)
            }
            var response = PageRenderer.redirect(to: Self.localPath(context.form["back"]) ?? "/agent/")
            response.setCookie(Cookie(name: UILanguage.cookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/", sameSite: .lax))
            return response
        }
    }

    private func form(_ request: Request, _ context: AppRequestContext, login: String, error: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        var view: [String: Any] = [
            "login": login, "next": Self.localPath(context.form["next"] ?? request.uri.queryParameters["next"].map(String.init)) ?? "",
        ]
        if let error { view["error"] = pages.text(error, context) }
        return try pages.page("agent/login", title: "signin.title", view: view, context: context, request: request, status: status)
    }

    /// Where a successful sign-in leads: back to the agent or admin page that asked for it, else the
    /// signed-in person's home (agents to their dashboard, customers to the portal).
    static func landing(after next: String?, for principal: Principal) -> String {
        guard principal.isAgent else { return "/portal/" }
        if let next = localPath(next), next.hasPrefix("/agent/") || next.hasPrefix("/admin/"), !next.hasPrefix("/agent/login") { return next }
        return "/agent/"
    }

    /// `path` when it is a path on this server (never another host: `//host` and `/\host` are refused).
    static func localPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/\\"),
              !path.contains(where: { $0.isNewline || $0 == "\0" }) else { return nil }
        return path
    }

    /// The session cookie of the web interface: HttpOnly, `SameSite=Lax` (links from mails keep the
    /// session; forms are protected by their CSRF token), `Secure` behind an HTTPS proxy.
    static func sessionCookie(_ value: String, expires: Date, request: Request) -> Cookie {
        let https = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(name: AuthenticationMiddleware.sessionCookie, value: value, expires: expires, path: "/", secure: https, httpOnly: true, sameSite: .lax)
    }
}
