import Domain
import Hummingbird
import Services

/// `/admin/`: every admin page with a sentence on what it is for, and the change log — the newest changes with
/// who made them and when.
struct AdminIndexController {
    let services: WebServices
    let admin: AdminPages
    static let changesShown = 25

    /// The admin pages by group: path below `/admin/` and the key of their texts under `admin.index.`.
    static let catalogue: [(group: String, pages: [(path: String, key: String)])] = [
        ("people", [("users", "users"), ("roles", "roles")]),
        ("tickets", [("queues", "queues"), ("states", "states"), ("priorities", "priorities"), ("types", "types"),
                     ("services", "services"), ("fields", "fields"), ("text-templates", "textTemplates")]),
        ("serviceLevels", [("calendars", "calendars"), ("slas", "slas"), ("sla-configuration", "slaConfiguration")]),
        ("mail", [("queues", "mailTexts"), ("mail-accounts", "mailAccounts"), ("mail-filters", "mailFilters")]),
        ("portal", [("portal/catalogue", "portalCatalogue"), ("portal/forms", "portalForms"), ("portal/texts", "portalTexts")]),
        ("cmdb", [("cmdb-impact", "cmdbImpact")]),
    ]

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("") { request, context -> Response in
            let principal = try context.requireAdmin()
            let t = AdminTexts(admin: admin, context: context)
            let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
            let changes = try await services.adminChanges.recent(limit: Self.changesShown, by: principal).items
            let view: [String: Any] = [
                "groups": Self.catalogue.map { group in
                    [
                        "gTitle": t("admin.index.group.\(group.group)"),
                        "gPages": group.pages.map { ["pPath": "/admin/\($0.path)", "pTitle": t("admin.index.\($0.key).title"), "pText": t("admin.index.\($0.key).text")] },
                    ] as [String: Any]
                },
                "hasChanges": !changes.isEmpty,
                "changes": changes.map { change in
                    [
                        "at": time.absolute(change.at), "who": change.actorLogin ?? t("admin.log.system"),
                        "what": t.known("admin.log.kind.\(change.kind)") ?? t("admin.log.kind.unknown"),
                        "name": change.name ?? change.objectId ?? "", "action": t.known("admin.log.action.\(change.action)") ?? change.action,
                    ]
                },
            ]
            return try admin.pages.page("admin/index", title: "admin.title", view: view, context: context, request: request, section: "admin")
        }
    }
}
