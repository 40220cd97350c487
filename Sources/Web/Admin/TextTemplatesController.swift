import Domain
import HTTPTypes
import Hummingbird
import Services

/// `/admin/text-templates`: administrators list, create, change and delete the text templates agents insert
/// into replies and notes, through `TextTemplateService` as the REST API does.
struct AdminTextTemplatesController {
    let services: WebServices
    let pages: PageRenderer

    func register(on admin: RouterGroup<AppRequestContext>) {
        admin.get("text-templates") { request, context -> Response in
            let principal = try context.requireAdmin()
            let master = try await services.masterData.snapshot()
            let templates = try await services.textTemplates.list(by: principal)
            let view: [String: Any] = [
                "templates": templates.map { template in
                    var row: [String: Any] = ["id": template.id, "name": template.name, "isActive": template.isActive,
                                              "hasGerman": template.textDE != nil, "hasEnglish": template.textEN != nil]
                    if let queue = template.queue { row["queue"] = queue }
                    return row
                },
                "hasTemplates": !templates.isEmpty, "hasQueues": !master.queues.isEmpty,
            ]
            return try pages.page("admin/text-templates", title: "textTemplates.title", view: view, context: context, request: request, section: "admin")
        }
        admin.get("text-templates/new") { request, context -> Response in
            _ = try context.requireAdmin()
            return try await form(request, context, template: nil, sent: nil, issues: [])
        }
        admin.post("text-templates/new") { request, context -> Response in
            let principal = try context.requireAdmin()
            return try await save(request, context, template: nil) { input in _ = try await services.textTemplates.create(input, by: principal) }
        }
        admin.get("text-templates/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            return try await form(request, context, template: try await services.textTemplates.get(try context.id(), by: principal), sent: nil, issues: [])
        }
        admin.post("text-templates/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            let template = try await services.textTemplates.get(try context.id(), by: principal)
            return try await save(request, context, template: template) { input in _ = try await services.textTemplates.update(template.id, input, by: principal) }
        }
        admin.post("text-templates/:id/delete") { _, context -> Response in
            let principal = try context.requireAdmin()
            try await services.textTemplates.delete(try context.id(), by: principal)
            return PageRenderer.redirect(to: "/admin/text-templates", notice: "textTemplateDeleted")
        }
    }

    private func save(
        _ request: Request, _ context: AppRequestContext, template: TextTemplateView?, _ write: (TextTemplateInput) async throws -> Void
    ) async throws -> Response {
        let form = context.form
        let input = TextTemplateInput(
            name: form["name"] ?? "", textDE: .set(form["textDE"] ?? ""), textEN: .set(form["textEN"] ?? ""),
            queueId: form.id("queue").map(Change.set) ?? .clear, isActive: form.isChecked("isActive")
        )
        do {
            try await write(input)
        } catch DomainError.invalid(_, let issues) {
            return try await self.form(request, context, template: template, sent: form, issues: issues, status: .unprocessableContent)
        } catch DomainError.conflict {
            return try await self.form(request, context, template: template, sent: form, issues: [FieldIssue(field: "name", .taken)], status: .conflict)
        }
        return PageRenderer.redirect(to: "/admin/text-templates", notice: "textTemplateSaved")
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, template: TextTemplateView?, sent: FormData?, issues: [FieldIssue],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let master = try await services.masterData.snapshot()
        let queueID = sent.map { $0.id("queue") } ?? template?.queueId
        var view: [String: Any] = [
            "name": sent?["name"] ?? template?.name ?? "", "textDE": sent?["textDE"] ?? template?.textDE ?? "",
            "textEN": sent?["textEN"] ?? template?.textEN ?? "", "isActive": sent.map { $0.isChecked("isActive") } ?? template?.isActive ?? true,
            "queues": master.queues.filter(\.isActive).map { ["id": $0.id, "name": $0.name, "selected": $0.id == queueID] as [String: Any] },
            "placeholders": TextTemplateRules.placeholders.map { "{{" + $0 + "}}" },
            "action": template.map { "/admin/text-templates/\($0.id)" } ?? "/admin/text-templates/new",
            "issues": issues.map { ["field": $0.field, "message": pages.text(of: $0, context)] },
        ]
        if let template { view["id"] = template.id }
        return try pages.page("admin/text-template-form",
                              title: template == nil ? "textTemplates.new" : "textTemplates.edit", view: view, context: context,
                              request: request, section: "admin", status: status, titleArguments: ["name": template?.name ?? ""])
    }
}
