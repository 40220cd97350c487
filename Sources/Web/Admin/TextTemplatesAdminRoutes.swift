import Hummingbird

/// Wires the text-template pages under `/admin/` with the browser-page middlewares. Kept apart so that the
/// admin area can take `AdminTextTemplatesController` into its own group.
struct TextTemplatesAdminRoutes {
    let services: WebServices
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let admin = router.group("admin")
            .add(middleware: PageErrorMiddleware(pages: pages, signInPath: "/agent/login"))
            .add(middleware: BrowserSessionMiddleware(auth: services.auth))
        AdminTextTemplatesController(services: services, pages: pages).register(on: admin)
    }
}
