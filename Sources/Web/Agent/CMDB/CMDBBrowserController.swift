import Domain
import Hummingbird
import Services

/// The CMDB's start page `/agent/cmdb`: the classes with their item counts, a search over all items, lifecycle lists
/// (items whose date attribute falls due within N days) and the saved lists.
struct CMDBBrowserController {
    let services: WebServices
    let pages: PageRenderer
    /// The spans the lifecycle form offers, in days.
    static let dueSpans = [30, 90, 180, 365]

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("cmdb") { request, context -> Response in try await browser(request, context) }
    }

    private func browser(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAgent()
        async let classes = services.cmdbClasses.classes(for: principal)
        async let counts = services.configItems.countsByClass(for: principal)
        async let lists = services.cmdbLists.lists(for: principal)
        let labels = CMDBLabels(pages: pages, context: context)
        let itemCounts = try await counts
        let savedLists = try await lists
        let sorted = labels.sorted(try await classes)
        let view: [String: Any] = [
            "classes": sorted.map { ciClass in
                ["id": ciClass.id, "name": labels.className(ciClass), "count": itemCounts[ciClass.id] ?? 0] as [String: Any]
            },
            "total": itemCounts.values.reduce(0, +),
            "dueGroups": sorted.compactMap { ciClass -> [String: Any]? in
                let dates = ciClass.attributes.filter { $0.type == .date }
                guard !dates.isEmpty else { return nil }
                return ["name": labels.className(ciClass), "options": dates.map { ["value": "\(ciClass.id):\($0.key)", "label": labels.label($0)] }]
            },
            "spans": Self.dueSpans.map { ["days": $0, "selected": $0 == 90] },
            "lists": savedLists.map { ["id": $0.id, "name": $0.name] }, "hasLists": !savedLists.isEmpty,
        ]
        return try pages.page("agent/cmdb/browser", title: "cmdb.title", view: view, context: context, request: request, section: "cmdb")
    }
}
