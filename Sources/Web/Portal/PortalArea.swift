import Domain
import Hummingbird

/// The self-service portal under `/portal/`: customers sign in and follow their requests. Pages render through
/// `PageRenderer` with the portal layout and call the same Services use cases as the REST API.
struct PortalArea {
    let services: WebServices
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let portal = router.pageArea("portal", signInPath: "/portal/login", pages: pages, auth: services.auth)
        SignInController(services: services, pages: pages, area: .portal).register(on: portal)
        MyRequestsController(services: services, pages: pages).register(on: portal)
        RequestPageController(services: services, pages: pages).register(on: portal)
        CataloguePageController(services: services, pages: pages).register(on: portal)
        RequestFormController(services: services, pages: pages).register(on: portal)
        CitizenPagesController(services: services, pages: pages).register(on: portal)
        portal.get("**") { _, _ -> Response in throw HTTPError(.notFound) }
    }
}

extension AppRequestContext {
    /// The signed-in customer; anonymous visitors are sent to the portal's sign-in page. Agents use the portal
    /// as customers would only through their own customer account, so they are refused here.
    func requireCustomer() throws -> Principal {
        guard let principal else { throw DomainError.unauthenticated("Sign in first.") }
        guard !principal.isAgent else { throw DomainError.forbidden("The portal is for customers; agents work at /agent/.") }
        return principal
    }
}
