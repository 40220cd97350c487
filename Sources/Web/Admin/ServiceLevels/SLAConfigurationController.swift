import Domain
import Hummingbird
import Services

/// `/admin/sla-configuration`: which SLA applies to which service, queue, type and priority (bindings in order;
/// the first that fits a ticket wins), the default calendar and the role told of every escalation — saved through
/// `MasterDataService.saveSLAConfiguration`, as the REST API does.
struct SLAConfigurationController {
    let services: WebServices
    let admin: AdminPages
    /// Empty rows offered for new bindings.
    static let blankRows = 3

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("sla-configuration") { request, context -> Response in
            try await page(try await services.masterData.slaConfiguration(for: try context.requireAdmin()), request, context)
        }
        group.post("sla-configuration") { request, context -> Response in
            let principal = try context.requireAdmin()
            var form = admin.reader(context)
            let configuration = read(&form)
            return try await admin.submit(context, reading: form, success: "/admin/sla-configuration", notice: "adminSaved") { issues, status in
                try await page(configuration, request, context, issues: issues, status: status)
            } save: {
                _ = try await services.masterData.saveSLAConfiguration(configuration, by: principal)
            }
        }
    }

    /// The bindings in the order of their position numbers; rows without an SLA are left out.
    private func read(_ form: inout FormReader) -> SLAConfiguration {
        var rows: [(position: Int, index: Int, binding: SLABinding)] = []
        var index = 0
        while form.form["bindings[\(index)].slaId"] != nil {
            let field = "bindings[\(index)]"
            if let sla = form.id(field + ".slaId") {
                let scope: SLABinding.Scope = switch form.text(field + ".scopeId").split(separator: ":").map(String.init) {
                case let parts where parts.count == 2 && parts[0] == "service": .service(Int64(parts[1]) ?? 0)
                case let parts where parts.count == 2 && parts[0] == "queue": .queue(Int64(parts[1]) ?? 0)
                default: .default
                }
                let binding = SLABinding(scope: scope, typeID: form.id(field + ".typeId"), priorityID: form.id(field + ".priorityId"), slaID: sla)
                rows.append((form.int(field + ".position") ?? (index + 1) * 10, index, binding))
            }
            index += 1
        }
        return SLAConfiguration(
            defaultCalendarID: form.id("defaultCalendarId"), bindings: rows.sorted { ($0.position, $0.index) < ($1.position, $1.index) }.map(\.binding),
            escalationRoleID: form.id("escalationRoleId")
        )
    }

    private func page(
        _ configuration: SLAConfiguration, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        let roles = try await services.users.roles(by: principal)
        let english = t.isEnglish
        let rows = configuration.bindings.map(Optional.some) + Array(repeating: nil, count: Self.blankRows)
        let grid = FormGrid(
            columns: ["position", "scope", "type", "priority", "sla"].map { t("admin.slaConfiguration.\($0)") },
            rows: rows.enumerated().map { index, binding in
                let field = "bindings[\(index)]"
                let scope: String = switch binding?.scope {
                case .service(let id): "service:\(id)"
                case .queue(let id): "queue:\(id)"
                default: "default"
                }
                let scopes = [FormOption("default", t("admin.slaConfiguration.everyTicket"), selected: scope == "default")]
                    + TreeOrder.flatten(master.services, parent: \.parentID, name: \.name).map {
                        FormOption("service:\($0.record.id)", t("admin.slaConfiguration.service", ["name": $0.record.name]), selected: scope == "service:\($0.record.id)")
                    }
                    + TreeOrder.flatten(master.queues, parent: \.parentID, name: \.name).map {
                        FormOption("queue:\($0.record.id)", t("admin.slaConfiguration.queue", ["name": $0.record.name]), selected: scope == "queue:\($0.record.id)")
                    }
                let row = t("admin.common.row", ["number": String(index + 1)])
                var cells: [FormField] = [
                    FormField(field + ".position", t("admin.slaConfiguration.position") + " " + row, .number, value: String((index + 1) * 10)),
                    .choice(field + ".scopeId", t("admin.slaConfiguration.scope") + " " + row, scopes),
                    .choice(field + ".typeId", t("admin.slaConfiguration.type") + " " + row, FormOption.records(
                        master.types, selected: binding?.typeID, none: t("admin.slaConfiguration.any")) { (english ? $0.nameEN : nil) ?? $0.name }),
                    .choice(field + ".priorityId", t("admin.slaConfiguration.priority") + " " + row, FormOption.records(
                        master.priorities.sorted { $0.rank < $1.rank }, selected: binding?.priorityID, none: t("admin.slaConfiguration.any")
                    ) { (english ? $0.nameEN : nil) ?? $0.name }),
                    .choice(field + ".slaId", t("admin.slaConfiguration.sla") + " " + row, FormOption.records(
                        master.slas, selected: binding?.slaID, none: binding == nil ? t("admin.slaConfiguration.none") : t("admin.slaConfiguration.remove"), label: \.name
                    )),
                ]
                for index in cells.indices { cells[index].isLabelHidden = true }
                return FormGrid.Row(cells: cells)
            }
        )
        var form = AdminForm(action: "/admin/sla-configuration", submitLabel: t("action.save"), sections: [
            FormSection(t("admin.slaConfiguration.bindings"), hint: t("admin.slaConfiguration.bindingsHint"), grid: grid),
            FormSection(t("admin.slaConfiguration.general"), fields: [
                .choice("defaultCalendarId", t("admin.slaConfiguration.defaultCalendar"), FormOption.records(
                    master.calendars, selected: configuration.defaultCalendarID, none: t("admin.slaConfiguration.builtInCalendar"), label: \.name
                )),
                .choice("escalationRoleId", t("admin.slaConfiguration.escalationRole"), FormOption.records(
                    roles, selected: configuration.escalationRoleID, none: t("admin.slaConfiguration.noRole"), label: \.name
                ), hint: t("admin.slaConfiguration.escalationRoleHint")),
            ]),
        ])
        form.place(issues)
        return try admin.forms([form], title: "admin.slaConfiguration.title", lead: t("admin.slaConfiguration.lead"), request: request, context: context, status: status)
    }
}
