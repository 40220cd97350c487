import Foundation
import Prometheus
import Services

/// The use cases the web layer calls, built once per application.
public struct WebServices: Sendable {
    public let context: ServiceContext
    public let auth: AuthService
    public let tickets: TicketService
    public let ticketViews: TicketViewService
    public let masterData: MasterDataService
    public let users: UserService
    public let people: PeopleService
    public let fields: FieldService
    public let secondFactor: SecondFactorService
    public let mail: MailIntake
    public let cmdbClasses: CMDBClassService
    public let configItems: ConfigItemService
    public let cmdbLists: CISavedListService
    public let cmdbImpact: CMDBImpactSettingsService
    public let queueMailTexts: QueueMailTextService
    public let outbox: OutboxDelivery
    public let mailAccounts: MailAccountService
    public let mailFilters: MailFilterService
    public let textTemplates: TextTemplateService
    public let catalogue: CatalogueService
    public let requestForms: RequestFormService
    public let requests: RequestService
    public let citizens: CitizenService
    public let portalTexts: PortalTextService
    public let solutions: SolutionService
    public let adminChanges: AdminChangeLog
    public let metrics: PrometheusCollectorRegistry

    /// `cache` is shared with the background workers of the same process, so that an admin change reaches both.
    public init(context: ServiceContext, cache: MasterDataCache = MasterDataCache(), metrics: PrometheusCollectorRegistry = .init()) {
        self.context = context
        auth = AuthService(context: context)
        tickets = TicketService(context: context, masterData: cache)
        ticketViews = TicketViewService(context: context, tickets: tickets)
        masterData = MasterDataService(context: context, cache: cache)
        users = UserService(context: context)
        people = PeopleService(context: context)
        fields = FieldService(context: context)
        secondFactor = SecondFactorService(context: context)
        mail = MailIntake(context: context, tickets: tickets, masterData: cache)
        cmdbClasses = CMDBClassService(context: context)
        configItems = ConfigItemService(context: context)
        cmdbLists = CISavedListService(context: context, items: configItems)
        cmdbImpact = CMDBImpactSettingsService(context: context, masterData: cache)
        queueMailTexts = QueueMailTextService(context: context, masterData: cache)
        outbox = OutboxDelivery(context: context, tickets: tickets, policy: context.configuration.outbox)
        mailAccounts = MailAccountService(context: context)
        mailFilters = MailFilterService(context: context, masterData: cache)
        textTemplates = TextTemplateService(context: context, masterData: cache)
        catalogue = CatalogueService(context: context)
        requestForms = RequestFormService(context: context, masterData: cache)
        requests = RequestService(context: context, tickets: tickets)
        citizens = CitizenService(context: context, requests: requests)
        portalTexts = PortalTextService(context: context, masterData: cache)
        solutions = SolutionService(context: context, tickets: tickets)
        adminChanges = AdminChangeLog(context: context)
        self.metrics = metrics
    }
}
