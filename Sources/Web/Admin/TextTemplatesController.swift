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
            return try await save(request, context, template: nil) { input, _ in _ = try await services.textTemplates.create(input, by: principal) }
        }
        admin.get("text-templates/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            return try await form(request, context, template: try await services.textTemplates.get(try context.id(), by: principal), sent: nil, issues: [])
        }
        admin.post("text-templates/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            let template = try await services.textTemplates.get(try context.id(), by: principal)
            return try await save(request, context, template: template) { input, version in
                _ = try await services.textTemplates.update(template.record.id, input, expectedVersion: version, by: principal)
            }
        }
        admin.post("text-templates/:id/delete") { _, context -> Response in
            let principal = try context.requireAdmin()
            try await services.textTemplates.delete(try context.id(), by: principal)
            return PageRenderer.redirect(to: "/admin/text-templates", notice: "textTemplateDeleted")
        }
    }

    /// Saves the form through `write` (given the version the form was loaded with). Refused input comes back with the
    /// problems; a template changed since the form was loaded comes back with 412, its current text and who changed it.
    private func save(
        _ request: Request, _ context: AppRequestContext, template: Versioned<TextTemplateView>?,
        _ write: (TextTemplateInput, Int64?) async throws -> Void
    ) async throws -> Response {
        let form = context.form
        let input = TextTemplateInput(
            name: form["name"] ?? "", textDE: .set(form["textDE"] ?? ""), textEN: .set(form["textEN"] ?? ""),
            queueId: form.id("queue").map(Change.set) ?? .clear, isActive: form.isChecked("isActive")
        )
        let admin = AdminPages(pages: pages)
        do {
            try await write(input, admin.reader(context).version())
        } catch DomainError.stale(let message) {
            guard let template else { throw DomainError.stale(message) }
            let current = try await services.textTemplates.get(template.record.id, by: try context.requireAdmin())
            let explanation = try await StaleEdit.explanation(kind: "text_templates", id: current.record.id, services: services, admin: admin, context: context)
            return try await self.form(request, context, template: current, sent: nil, issues: [explanation], status: .preconditionFailed)
        } catch DomainError.invalid(_, let issues) {
            return try await self.form(request, context, template: template, sent: form, issues: issues, status: .unprocessableContent)
        } catch DomainError.conflict {
            return try await self.form(request, context, template: template, sent: form, issues: [FieldIssue(field: "name", .taken)], status: .conflict)
        }
        return PageRenderer.redirect(to: "/admin/text-templates", notice: "textTemplateSaved")
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, template versioned: Versioned<TextTemplateView>?, sent: FormData?, issues: [FieldIssue],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let template = versioned?.record
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
        if let versioned { (view["id"], view["version"]) = (versioned.record.id, sent?.trimmed("version") ?? String(versioned.version)) }
        return try pages.page("admin/text-template-form",
                              title: template == nil ? "textTemplates.new" : "textTemplates.edit", view: view, context: context,
                              request: request, section: "admin", status: status, titleArguments: ["name": template?.name ?? ""])
    }
}
