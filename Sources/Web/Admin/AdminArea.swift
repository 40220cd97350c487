import Domain
import Hummingbird

/// The administrators' pages under `/admin/`: master data, people and roles, SLAs, mail settings and the self-service portal. Every page
/// renders through `PageRenderer` and every change calls the same Services use case as the REST API.
struct AdminArea {
    let services: WebServices
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let admin = router.pageArea("admin", signInPath: "/agent/login", pages: pages, auth: services.auth)
            .add(middleware: AdminOnlyMiddleware())
        let shared = AdminPages(pages: pages)
        AdminIndexController(services: services, admin: shared).register(on: admin)
        UsersController(services: services, admin: shared).register(on: admin)
        RolesController(services: services, admin: shared).register(on: admin)
        MasterDataPagesController(QueuePage(), services: services, admin: shared).register(on: admin)
        QueueMailTextsController(services: services, admin: shared).register(on: admin)
        MasterDataPagesController(StatePage(), services: services, admin: shared).register(on: admin)
        MasterDataPagesController(PriorityPage(), services: services, admin: shared).register(on: admin)
        MasterDataPagesController(TicketTypePage(), services: services, admin: shared).register(on: admin)
        MasterDataPagesController(ServicePage(), services: services, admin: shared).register(on: admin)
        FieldsController(services: services, admin: shared).register(on: admin)
        MasterDataPagesController(CalendarPage(), services: services, admin: shared).register(on: admin)
        MasterDataPagesController(SLAPage(), services: services, admin: shared).register(on: admin)
        SLAConfigurationController(services: services, admin: shared).register(on: admin)
        CMDBImpactSettingsController(services: services, admin: shared).register(on: admin)
        MailAccountsController(services: services, admin: shared).register(on: admin)
        MailFiltersController(services: services, admin: shared).register(on: admin)
        AdminTextTemplatesController(services: services, pages: pages).register(on: admin)
        CatalogueAdminController(services: services, admin: shared).register(on: admin)
        RequestFormsAdminController(services: services, admin: shared).register(on: admin)
        PortalTextsAdminController(services: services, admin: shared).register(on: admin)
        admin.get("**") { _, _ -> Response in throw HTTPError(.notFound) }
    }
}

extension AppRequestContext {
    /// The signed-in administrator; anonymous visitors are sent to the sign-in page, everyone else is refused.
    func requireAdmin() throws -> Principal {
        let principal = try requireAgent()
        guard principal.isAdmin else { throw DomainError.forbidden("The administration is open to administrators only.") }
        return principal
    }
}
