import Domain
import Hummingbird
import Services

/// `/admin/cmdb-impact`: which ticket types and priorities put the items a ticket affects into incident state —
/// saved through `CMDBImpactSettingsService`, as `PUT /api/v1/cmdb/impact-settings` does. The form carries the
/// version it showed, so a change made meanwhile is refused (412) rather than overwritten.
struct CMDBImpactSettingsController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("cmdb-impact") { request, context -> Response in
            try await page(try await services.cmdbImpact.settings(for: try context.requireAdmin()), request, context)
        }
        group.post("cmdb-impact") { request, context -> Response in
            let principal = try context.requireAdmin()
            let ids = { (name: String) in context.form.values(name).compactMap { Int64($0) } }
            let input = CIImpactSettingsInput(ticketTypeIds: ids("ticketTypeIds"), priorityIds: ids("priorityIds"))
            let version = request.uri.queryParameters["version"].flatMap { Int64($0) }
            return try await admin.submit(context, success: "/admin/cmdb-impact", notice: "adminSaved") { issues, status in
                let draft = CIImpactSettings(ticketTypeIDs: input.ticketTypeIds, priorityIDs: input.priorityIds ?? [], version: version ?? 0)
                return try await page(draft, request, context, issues: issues, status: status)
            } save: {
                _ = try await services.cmdbImpact.update(input, expectedVersion: version, by: principal)
            }
        }
    }

    private func page(
        _ settings: CIImpactSettings, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let master = try await services.masterData.snapshot()
        let english = t.isEnglish
        var form = AdminForm(action: "/admin/cmdb-impact?version=\(settings.version)", submitLabel: t("action.save"), sections: [
            FormSection(fields: [
                .choice("ticketTypeIds", t("admin.cmdbImpact.types"), master.types.map { type in
                    FormOption(String(type.id), (english ? type.nameEN : nil) ?? type.name, selected: settings.ticketTypeIDs.contains(type.id))
                }, kind: .choices, hint: t("admin.cmdbImpact.typesHint")),
                .choice("priorityIds", t("admin.cmdbImpact.priorities"), master.priorities.map { priority in
                    FormOption(String(priority.id), (english ? priority.nameEN : nil) ?? priority.name, selected: settings.priorityIDs.contains(priority.id))
                }, kind: .choices, hint: t("admin.cmdbImpact.prioritiesHint")),
            ]),
        ])
        form.place(issues)
        return try admin.forms([form], title: "admin.cmdbImpact.title", lead: t("admin.cmdbImpact.lead"), request: request, context: context, status: status)
    }
}
