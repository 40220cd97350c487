import Hummingbird
import Logging
import Services

/// Where and how the HTTP server listens.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// The reverse proxies whose `X-Forwarded-For` names the client.
    public var trustedProxies: TrustedProxies

    public init(host: String = "127.0.0.1", port: Int = 8080, trustedProxies: TrustedProxies = .none) {
        self.host = host
        self.port = port
        self.trustedProxies = trustedProxies
    }
}

/// Builds the router: system endpoints, the REST API behind authentication, and the web interface; client
/// addresses come from `X-Forwarded-For` only when the peer is one of `trustedProxies`.
public func buildRouter(services: WebServices, trustedProxies: TrustedProxies = .none) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ClientAddressMiddleware(trusted: trustedProxies))
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(routes: .api))
    router.add(middleware: QueryTextMiddleware())
    SystemController(services: services).register(on: router)
    let api = router.group("api/v1").add(middleware: AuthenticationMiddleware(auth: services.auth))
    AuthController(services: services).register(on: api)
    MasterDataController(services: services).register(on: api)
    PeopleController(services: services).register(on: api)
    TicketController(services: services).register(on: api)
    MailController(services: services).register(on: api)
    CMDBClassController(services: services).register(on: api)
    CMDBItemController(services: services).register(on: api)
    CMDBListController(services: services).register(on: api)
    QueueMailTextController(services: services).register(on: api)
    MailAccountController(services: services).register(on: api)
    MailFilterController(services: services).register(on: api)
    PortalCatalogueController(services: services).register(on: api)
    PortalFormController(services: services).register(on: api)
    PortalRequestController(services: services).register(on: api)
    CitizenController(services: services).register(on: api)
    PortalAdminController(services: services).register(on: api)
    TicketViewController(services: services).register(on: api)
    TextTemplateController(services: services).register(on: api)
    AdminChangeController(services: services).register(on: api)
    let pages = try PageRenderer.bundled()
    pages.assets.register(on: router)
    HomeRedirect(auth: services.auth).register(on: router)
    AgentArea(services: services, pages: pages).register(on: router)
    PortalArea(services: services, pages: pages).register(on: router)
    AdminArea(services: services, pages: pages).register(on: router)
    return router
}

/// Builds the whole HTTP application; used by `ticketwerk serve`, `ticketwerk bench` and the tests.
/// `onServerRunning` hears the port the server listens on (useful with port 0).
public func buildApplication(
    services: WebServices, settings: ServerSettings, logger: Logger,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    Application(
        router: try buildRouter(services: services, trustedProxies: settings.trustedProxies),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Ticketwerk"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
        logger: logger
    )
}
