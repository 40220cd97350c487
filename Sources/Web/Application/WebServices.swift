import Foundation
import Prometheus
import Services

/// The use cases the web layer calls, built once per application.
public struct WebServices: Sendable {
    public let context: ServiceContext
    public let auth: AuthService
    public let tickets: TicketService
    public let masterData: MasterDataService
    public let users: UserService
    public let people: PeopleService
    public let fields: FieldService
    public let secondFactor: SecondFactorService
    public let mail: MailIntake
    public let mailAccounts: MailAccountService
    public let mailFilters: MailFilterService
    public let metrics: PrometheusCollectorRegistry

    public init(context: ServiceContext, metrics: PrometheusCollectorRegistry = .init()) {
        let cache = MasterDataCache()
        self.context = context
        auth = AuthService(context: context)
        tickets = TicketService(context: context, masterData: cache)
        masterData = MasterDataService(context: context, cache: cache)
        users = UserService(context: context)
        people = PeopleService(context: context)
        fields = FieldService(context: context)
        secondFactor = SecondFactorService(context: context)
        mail = MailIntake(context: context, tickets: tickets, masterData: cache)
        mailAccounts = MailAccountService(context: context)
        mailFilters = MailFilterService(context: context, masterData: cache)
        self.metrics = metrics
    }
}
