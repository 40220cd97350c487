import Hummingbird
import Services

/// `GET /`: agents go to their dashboard, customers to the portal, visitors to the sign-in page.
struct HomeRedirect {
    let auth: AuthService

    func register(on router: Router<AppRequestContext>) {
        router.get("") { request, _ -> Response in
            guard let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value,
                  let (principal, _) = try await auth.session(cookie) else {
                return PageRenderer.redirect(to: "/agent/login")
            }
            return PageRenderer.redirect(to: principal.isAgent ? "/agent/" : "/portal/")
        }
    }
}
