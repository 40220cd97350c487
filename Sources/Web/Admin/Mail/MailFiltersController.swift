import Domain
import Hummingbird
import Services

/// `/admin/mail-filters`: postmaster filters — conditions on headers or the body, and what a match does to the new
/// ticket (queue, priority, type, field values) or that the mail is ignored; saved through `MailFilterService`,
/// as the REST API does.
struct MailFiltersController {
    let services: WebServices
    let admin: AdminPages
    /// Empty condition rows offered for new conditions.
    static let blankRows = 2

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("mail-filters") { request, context -> Response in try await list(request, context) }
        group.get("mail-filters/new") { request, context -> Response in
            try await page(nil, draft: MailFilter(id: 0, name: "", position: 0, conditions: [], actions: MailFilterActions()), request, context)
        }
        group.post("mail-filters/new") { request, context -> Response in
            try await save(nil, request, context)
        }
        group.get("mail-filters/:id") { request, context -> Response in
            let found = try await services.mailFilters.get(try context.id(), by: try context.requireAdmin())
            return try await page(found.record, version: found.version, draft: found.record, request, context)
        }
        group.post("mail-filters/:id") { request, context -> Response in
            try await save(try await services.mailFilters.get(try context.id(), by: try context.requireAdmin()).record, request, context)
        }
        group.post("mail-filters/:id/delete") { _, context -> Response in
            try await services.mailFilters.delete(try context.id(), by: try context.requireAdmin())
            return PageRenderer.redirect(to: "/admin/mail-filters", notice: "adminDeleted")
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        var list = AdminList(
            columns: [t("admin.mailFilters.position"), t("admin.common.name"), t("admin.mailFilters.conditions"), t("admin.mailFilters.actions")],
            rows: try await services.mailFilters.list(by: principal).map { filter in
                let conditions = filter.conditions.map { ($0.negate == true ? "¬ " : "") + ($0.header ?? t("admin.mailFilters.body")) + " ~ " + $0.pattern }
                var actions: [String] = []
                if filter.actions.ignore == true { actions.append(t("admin.mailFilters.ignore")) }
                if let id = filter.actions.queueID { actions.append(t("admin.mailFilters.queue") + ": " + (master.queue(id)?.name ?? "?")) }
                if let id = filter.actions.priorityID { actions.append(t("admin.mailFilters.priority") + ": " + (master.priority(id)?.name ?? "?")) }
                if let id = filter.actions.typeID { actions.append(t("admin.mailFilters.type") + ": " + (master.type(id)?.name ?? "?")) }
                for (name, value) in (filter.actions.fields ?? [:]).sorted(by: { $0.key < $1.key }) { actions.append("\(name) = \(value)") }
                return AdminList.Row(cells: [
                    AdminList.Cell(String(filter.position)), AdminList.Cell(filter.name, href: "/admin/mail-filters/\(filter.id)"),
                    AdminList.Cell(conditions.joined(separator: "; ")), AdminList.Cell(actions.joined(separator: "; ")),
                ], isInactive: !filter.isActive)
            },
            lead: t("admin.mailFilters.lead")
        )
        (list.newPath, list.newLabel) = ("/admin/mail-filters/new", t("admin.mailFilters.new"))
        return try admin.list(list, title: "admin.mailFilters.title", request: request, context: context)
    }

    private func save(_ filter: MailFilter?, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        var form = admin.reader(context)
        var input = MailFilterInput()
        (input.name, input.position, input.isActive) = (form.text("name"), form.int("position"), form.isChecked("isActive"))
        var conditions: [MailFilterCondition] = []
        var index = 0
        while form.form["conditions[\(index)].pattern"] != nil {
            let field = "conditions[\(index)]"
            if let pattern = form.optional(field + ".pattern") {
                conditions.append(MailFilterCondition(header: form.optional(field + ".header"), pattern: pattern, negate: form.isChecked(field + ".negate")))
            }
            index += 1
        }
        input.conditions = conditions
        var fields: [String: String] = [:]
        for line in form.raw("actions.fields").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                form.report("actions.fields", form.t("admin.mailFilters.badField", ["line": String(line)]))
                continue
            }
            fields[parts[0]] = parts[1]
        }
        input.actions = MailFilterActions(
            queueID: form.id("actions.queueId"), priorityID: form.id("actions.priorityId"), typeID: form.id("actions.typeId"),
            fields: fields.isEmpty ? nil : fields, ignore: form.isChecked("actions.ignore") ? true : nil
        )
        let draft = MailFilter(
            id: filter?.id ?? 0, name: input.name ?? "", position: input.position ?? 0, isActive: input.isActive ?? false,
            conditions: conditions, actions: input.actions ?? MailFilterActions()
        )
        let version = form.version()
        return try await admin.submit(context, reading: form, success: "/admin/mail-filters", notice: "adminSaved") { issues, status in
            try await page(filter, version: version, draft: draft, request, context, issues: issues, status: status)
        } stale: {
            let current = try await services.mailFilters.get(draft.id, by: principal)
            let explanation = try await StaleEdit.explanation(kind: "mail_filters", id: draft.id, services: services, admin: admin, context: context)
            return try await page(current.record, version: current.version, draft: current.record, request, context,
                                  issues: [explanation], status: .preconditionFailed)
        } save: {
            if let filter {
                _ = try await services.mailFilters.update(filter.id, input, expectedVersion: version, by: principal)
            } else {
                _ = try await services.mailFilters.create(input, by: principal)
            }
        }
    }

    private func page(
        _ filter: MailFilter?, version: Int64? = nil, draft: MailFilter, _ request: Request, _ context: AppRequestContext,
        issues: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        let rows = draft.conditions.map(Optional.some) + Array(repeating: nil, count: Self.blankRows)
        let grid = FormGrid(
            columns: [t("admin.mailFilters.header"), t("admin.mailFilters.pattern"), t("admin.mailFilters.negate")],
            rows: rows.enumerated().map { index, condition in
                let field = "conditions[\(index)]"
                let row = t("admin.common.row", ["number": String(index + 1)])
                var cells = [
                    FormField(field + ".header", t("admin.mailFilters.header") + " " + row, value: condition?.header ?? ""),
                    FormField(field + ".pattern", t("admin.mailFilters.pattern") + " " + row, value: condition?.pattern ?? ""),
                    .checkbox(field + ".negate", t("admin.mailFilters.negate") + " " + row, isChecked: condition?.negate == true),
                ]
                for index in cells.indices { cells[index].isLabelHidden = true }
                return FormGrid.Row(cells: cells)
            }
        )
        let none = t("admin.mailFilters.unchanged")
        var form = AdminForm(action: filter.map { "/admin/mail-filters/\($0.id)" } ?? "/admin/mail-filters/new", submitLabel: t("action.save"), sections: [
            FormSection(fields: [
                FormField("name", t("admin.common.name"), value: draft.name, isRequired: true),
                FormField("position", t("admin.mailFilters.position"), .number, value: filter == nil && issues.isEmpty ? "" : String(draft.position),
                          hint: t("admin.mailFilters.positionHint")),
                .checkbox("isActive", t("admin.common.active"), isChecked: filter == nil && issues.isEmpty ? true : draft.isActive),
            ]),
            FormSection(t("admin.mailFilters.conditions"), hint: t("admin.mailFilters.conditionsHint"), grid: grid),
            FormSection(t("admin.mailFilters.actions"), fields: [
                .choice("actions.queueId", t("admin.mailFilters.queue"), FormOption.records(
                    TreeOrder.flatten(master.queues, parent: \.parentID, name: \.name).map(\.record), selected: draft.actions.queueID, none: none, label: \.name
                )),
                .choice("actions.priorityId", t("admin.mailFilters.priority"), FormOption.records(
                    master.priorities.sorted { $0.rank < $1.rank }, selected: draft.actions.priorityID, none: none, label: \.name
                )),
                .choice("actions.typeId", t("admin.mailFilters.type"), FormOption.records(master.types, selected: draft.actions.typeID, none: none, label: \.name)),
                FormField("actions.fields", t("admin.mailFilters.fields"), .textarea,
                          value: (draft.actions.fields ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n"),
                          hint: t("admin.mailFilters.fieldsHint")),
                .checkbox("actions.ignore", t("admin.mailFilters.ignore"), isChecked: draft.actions.ignore == true, hint: t("admin.mailFilters.ignoreHint")),
            ]),
        ])
        if let filter {
            (form.deleteAction, form.deleteLabel) = ("/admin/mail-filters/\(filter.id)/delete", t("admin.common.delete"))
            form.confirmation = t("admin.common.confirmDelete", ["name": filter.name])
        }
        form.version = version
        form.place(issues)
        return try admin.forms(
            [form], title: filter == nil ? "admin.mailFilters.new" : "admin.mailFilters.edit", titleArguments: ["name": draft.name],
            back: (t("admin.mailFilters.title"), "/admin/mail-filters"), request: request, context: context, status: status
        )
    }
}
