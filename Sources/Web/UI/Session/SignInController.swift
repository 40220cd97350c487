import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// Signing in and out of the agents' interface or the portal, and choosing the language before sign-in.
struct SignInController {
    /// Where a sign-in form lives: the agents' interface or the portal.
    enum Area: String {
        case agent, portal

        var template: String { "\(rawValue)/login" }
        var home: String { "/\(rawValue)/" }
    }

    let services: WebServices
    let pages: PageRenderer
    let area: Area

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("login") { request, context -> Response in
            if let principal = context.principal { return PageRenderer.redirect(to: Self.landing(after: nil, for: principal)) }
            return try form(request, context, login: "", error: nil)
        }
        group.post("login") { request, context -> Response in
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
        group.post("logout") { request, _ -> Response in
            if let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value {
                try await services.auth.signOut(sessionToken: cookie)
            }
            var response = PageRenderer.redirect(to: area.home + "login", notice: "signedOut")
            response.setCookie(Self.sessionCookie("", expires: Date(timeIntervalSince1970: 0), request: request))
            return response
        }
    }

    /// `POST /agent/language`: every page's footer switches the language here (for visitors too).
    func registerLanguageSwitch(on agent: RouterGroup<AppRequestContext>) {
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
        return try pages.page(area.template, title: "signin.title", view: view, context: context, request: request, status: status)
    }

    /// Where a successful sign-in leads: back to the page of the signed-in person's area that asked for it (agents:
    /// `/agent/`, `/admin/`; customers: `/portal/`), else that area's home.
    static func landing(after next: String?, for principal: Principal) -> String {
        let areas = principal.isAgent ? ["/agent/", "/admin/"] : ["/portal/"]
        if let next = localPath(next), areas.contains(where: next.hasPrefix), !next.hasSuffix("/login") { return next }
        return areas[0]
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
