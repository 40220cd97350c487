import Domain
import Hummingbird
import Services

/// `/admin/roles`: roles and the rights they grant per queue (read, create, note, reply, move, owner, priority,
/// admin), edited as a matrix of queues and rights, and the role-wide CMDB rights (read, write) — through
/// `UserService`, as the REST API does.
struct RolesController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("roles") { request, context -> Response in
            let principal = try context.requireAdmin()
            let t = AdminTexts(admin: admin, context: context)
            let master = try await services.masterData.snapshot()
            var list = AdminList(
                columns: [t("admin.common.name"), t("admin.common.comment"), t("admin.roles.queues"), t("admin.roles.cmdb")],
                rows: try await services.users.roles(by: principal).sorted { $0.name.lowercased() < $1.name.lowercased() }.map { role in
                    let queues = master.queues.filter { role.queueRights[$0.id].map { !$0.isEmpty } ?? false }.map(\.name).sorted()
                    return AdminList.Row(cells: [
                        AdminList.Cell(role.name, href: "/admin/roles/\(role.id)"), AdminList.Cell(role.comment ?? ""),
                        AdminList.Cell(queues.isEmpty ? "–" : queues.joined(separator: ", ")),
                        AdminList.Cell(role.rights.isEmpty ? "–" : role.rights.names.map { t("admin.roles.right.\($0)") }.joined(separator: ", ")),
                    ])
                },
                lead: t("admin.roles.lead")
            )
            (list.newPath, list.newLabel) = ("/admin/roles/new", t("admin.roles.new"))
            return try admin.list(list, title: "admin.roles.title", request: request, context: context)
        }
        group.get("roles/new") { request, context -> Response in
            try await page(Role(id: 0, name: ""), request, context)
        }
        group.post("roles/new") { request, context -> Response in
            try await save(Role(id: 0, name: ""), request, context)
        }
        group.get("roles/:id") { request, context -> Response in
            try await page(try await existing(context), request, context)
        }
        group.post("roles/:id") { request, context -> Response in
            try await save(try await existing(context), request, context)
        }
    }

    private func existing(_ context: AppRequestContext) async throws -> Role {
        let id = try context.id()
        guard let role = try await services.users.roles(by: try context.requireAdmin()).first(where: { $0.id == id }) else {
            throw DomainError.notFound("No role \(id).")
        }
        return role
    }

    private func save(_ role: Role, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        var queues: [String: [String]] = [:]
        for (name, value) in context.form.fields where name.hasPrefix("queues.") {
            queues[String(name.dropFirst("queues.".count)), default: []].append(value)
        }
        let roleRights = context.form.values("rights")
        let input = RoleInput(name: context.form.trimmed("name") ?? "", comment: context.form.trimmed("comment"), queues: queues, rights: roleRights)
        var draft = role
        (draft.name, draft.comment, draft.rights) = (input.name, input.comment, RoleRights(names: roleRights) ?? [])
        draft.queueRights = Dictionary(uniqueKeysWithValues: queues.compactMap { key, names in
            Int64(key).map { ($0, QueueRights(names: names) ?? []) }
        })
        return try await admin.submit(context, success: "/admin/roles", notice: "adminSaved") { issues, status in
            try await page(draft, request, context, issues: issues, status: status)
        } save: {
            if role.id == 0 {
                _ = try await services.users.createRole(input, by: principal)
            } else {
                _ = try await services.users.updateRole(role.id, input, by: principal)
            }
        }
    }

    private func page(_ role: Role, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        let rights = QueueRights.names
        let matrix = FormGrid(
            columns: rights.map { t("admin.roles.right.\($0.0)") },
            rows: TreeOrder.flatten(master.queues, parent: \.parentID, name: \.name).map { queue, depth in
                FormGrid.Row(header: queue.name, depth: depth, cells: rights.map { name, right in
                    var cell = FormField("queues.\(queue.id)", t("admin.roles.cell", ["right": t("admin.roles.right.\(name)"), "queue": queue.name]), .checkbox, value: name)
                    cell.isChecked = role.queueRights[queue.id]?.contains(right) ?? false
                    cell.isLabelHidden = true
                    return cell
                })
            }
        )
        var form = AdminForm(action: role.id == 0 ? "/admin/roles/new" : "/admin/roles/\(role.id)", submitLabel: t("action.save"), sections: [
            FormSection(fields: [
                FormField("name", t("admin.common.name"), value: role.name, isRequired: true),
                FormField("comment", t("admin.common.comment"), value: role.comment ?? ""),
            ]),
            FormSection(t("admin.roles.matrix"), hint: t("admin.roles.matrixHint"), grid: matrix),
            FormSection(t("admin.roles.cmdb"), hint: t("admin.roles.cmdbHint"), fields: RoleRights.names.map { name, right in
                var field = FormField("rights", t("admin.roles.right.\(name)"), .checkbox, value: name)
                field.isChecked = role.rights.contains(right)
                return field
            }),
        ])
        form.place(issues)
        return try admin.forms(
            [form], title: role.id == 0 ? "admin.roles.new" : "admin.roles.edit", titleArguments: ["name": role.name],
            back: (t("admin.roles.title"), "/admin/roles"), request: request, context: context, status: status
        )
    }
}
