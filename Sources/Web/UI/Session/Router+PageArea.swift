import Hummingbird
import Services

extension Router where Context == AppRequestContext {
    /// The route group of one area of browser pages (`/agent`, `/portal`, `/admin`): failures become error pages,
    /// anonymous visitors go to `signInPath`, and the browser session, language and CSRF-checked form are resolved.
    func pageArea(_ path: String, signInPath: String, pages: PageRenderer, auth: AuthService) -> RouterGroup<AppRequestContext> {
        group(RouterPath(path))
            .add(middleware: PageErrorMiddleware(pages: pages, signInPath: signInPath))
            .add(middleware: BrowserSessionMiddleware(auth: auth))
    }
}
