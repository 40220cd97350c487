import Domain
import Hummingbird

/// The agents' interface under `/agent/`: every page renders through `PageRenderer` and every action
/// calls the same Services use cases as the REST API.
struct AgentArea {
    let services: WebServices
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let agent = router.pageArea("agent", signInPath: "/agent/login", pages: pages, auth: services.auth)
        let signIn = SignInController(services: services, pages: pages, area: .agent)
        signIn.register(on: agent)
        signIn.registerLanguageSwitch(on: agent)
        PreferencesController(services: services, pages: pages).register(on: agent)
        DashboardController(services: services, pages: pages).register(on: agent)
        TicketListController(services: services, pages: pages).register(on: agent)
        NewTicketController(services: services, pages: pages).register(on: agent)
        TicketPageController(services: services, pages: pages).register(on: agent)
        TicketActionsController(services: services, pages: pages).register(on: agent)
        ContactLookupController(services: services).register(on: agent)
        CMDBBrowserController(services: services, pages: pages).register(on: agent)
        CMDBItemListController(services: services, pages: pages).register(on: agent)
        CMDBItemPageController(services: services, pages: pages).register(on: agent)
        CMDBItemFormController(services: services, pages: pages).register(on: agent)
        CMDBImportController(services: services, pages: pages).register(on: agent)
        agent.get("**") { _, _ -> Response in throw HTTPError(.notFound) }
    }
}

extension AppRequestContext {
    /// The signed-in agent; anonymous visitors are sent to the sign-in page, customers are refused.
    func requireAgent() throws -> Principal {
        guard let principal else { throw DomainError.unauthenticated("Sign in first.") }
        guard principal.isAgent else { throw DomainError.forbidden("This area is for agents; customers use the portal at /portal/.") }
        return principal
    }
}
