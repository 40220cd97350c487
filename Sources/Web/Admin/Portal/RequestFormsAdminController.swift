import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// `/admin/portal/forms`: request forms without code. The list; the editor (settings, pages → sections → items
/// from the customer-visible ticket fields, with buttons to add, remove and reorder that post the whole draft
/// back, so it works without script); "Vorschau" shows the draft as requesters will see it, not submittable;
/// "Speichern" stores it through `RequestFormService` as a new version, which the catalogue category chosen in the
/// settings then offers; every saved version can be looked at again.
struct RequestFormsAdminController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("portal/forms") { request, context -> Response in try await list(request, context) }
        group.get("portal/forms/new") { request, context -> Response in
            let master = try await services.masterData.snapshot()
            let draft = FormDraft.blank(queueID: master.queues.first(where: \.isActive)?.id ?? 0)
            return try await editor(draft, record: nil, request, context)
        }
        group.post("portal/forms/new") { request, context -> Response in try await submit(record: nil, request, context) }
        group.get("portal/forms/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            let record = try await services.requestForms.form(try context.id(), by: principal).record
            let category = try await services.catalogue.categories(matching: nil, for: principal).first { $0.formID == record.id }
            return try await editor(FormDraft(form: record.form, categoryID: category?.id), record: record, request, context)
        }
        group.post("portal/forms/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            let record = try await services.requestForms.form(try context.id(), by: principal).record
            return try await submit(record: record, request, context)
        }
        group.get("portal/forms/:id/versions/:version") { request, context -> Response in
            let principal = try context.requireAdmin()
            let id = try context.id()
            let number = try context.id("version")
            let document = try await services.requestForms.version(number, of: id, by: principal)
            let rendered = try await services.requestForms.rendered(version: number, of: id, by: principal)
            let view: [String: Any] = [
                "preview": try await preview(rendered, context), "formId": id, "formName": document.record.form.name,
                "titlePattern": document.record.form.titlePattern,
            ]
            return try admin.pages.page("admin/portal-form-version", title: "admin.portal.forms.versionTitle", view: view, context: context,
                                        request: request, section: "admin", titleArguments: ["name": document.record.form.name, "n": String(number)])
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let master = try await services.masterData.snapshot()
        let categories = try await services.catalogue.categories(matching: nil, for: principal)
        var list = AdminList(
            columns: [t("admin.portal.forms.name"), t("admin.portal.forms.category"), t("admin.portal.forms.queue"),
                      t("admin.portal.forms.version"), t("admin.portal.forms.changed")],
            rows: try await services.requestForms.forms(by: principal).map { document in
                let record = document.record
                let offeredIn = categories.filter { $0.formID == record.id }.map { $0.title(in: context.language.rawValue) }
                return AdminList.Row(cells: [
                    AdminList.Cell(record.form.name, href: "/admin/portal/forms/\(record.id)"),
                    offeredIn.isEmpty ? .badge(t("admin.portal.forms.notOffered"), tone: "muted") : AdminList.Cell(offeredIn.joined(separator: ", ")),
                    AdminList.Cell(master.queues.first { $0.id == record.form.queueID }?.name ?? "–"),
                    AdminList.Cell(String(record.version)), AdminList.Cell(time.absolute(record.changedAt)),
                ])
            },
            lead: t("admin.portal.forms.lead")
        )
        (list.newPath, list.newLabel) = ("/admin/portal/forms/new", t("admin.portal.forms.new"))
        return try admin.list(list, title: "admin.portal.forms.title", request: request, context: context)
    }

    /// Handles a post of the editor: a structure button re-shows the changed draft, "preview" shows it as requesters
    /// will, "save" stores it as a new version and offers it in the chosen category.
    private func submit(record: RequestFormRecord?, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        let fields = try await services.fields.definitions(for: .ticket, visibleTo: principal)
        var draft = FormDraft(context.form, fields: Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        let operation = context.form["_op"] ?? "save"
        do {
            switch operation {
            case "preview":
                let rendered = try await services.requestForms.rendered(draft.form, by: principal)
                return try await editor(draft, record: record, preview: rendered, request, context)
            case "save":
                let saved = try await save(draft, record: record, expectedVersion: context.form.id("version"), by: principal)
                return PageRenderer.redirect(to: "/admin/portal/forms/\(saved)", notice: "portalFormSaved")
            default:
                draft.apply(operation)
                return try await editor(draft, record: record, request, context)
            }
        } catch DomainError.invalid(let message, let issues) {
            return try await editor(draft, record: record, issues: issues.isEmpty ? [FieldIssue(field: "", message: message)] : issues,
                                    status: .unprocessableContent, request, context)
        } catch DomainError.stale(let message) {
            return try await editor(draft, record: record, issues: [FieldIssue(field: "", message: message)], status: .preconditionFailed, request, context)
        }
    }

    /// Stores the draft as a new form or the next version; the chosen category (and only it) then offers the form.
    private func save(_ draft: FormDraft, record: RequestFormRecord?, expectedVersion: Int64?, by principal: Principal) async throws -> Int64 {
        let offeredIn = draft.categoryID.map(Change.set) ?? .clear
        if let record {
            return try await services.requestForms.save(record.id, draft.form, expectedVersion: expectedVersion, offeredIn: offeredIn, by: principal).record.id
        }
        return try await services.requestForms.create(draft.form, offeredIn: offeredIn, by: principal).record.id
    }

    private func editor(
        _ draft: FormDraft, record: RequestFormRecord?, preview rendered: RenderedForm? = nil, issues: [FieldIssue] = [],
        status: HTTPResponse.Status = .ok, _ request: Request, _ context: AppRequestContext
    ) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let choices = FormEditorView.Choices(
            master: try await services.masterData.snapshot(),
            fields: try await services.fields.definitions(for: .ticket, visibleTo: principal).filter(\.customerVisible).sorted { $0.label < $1.label },
            classes: try await services.cmdbClasses.classes(for: principal),
            categories: try await services.catalogue.categories(matching: nil, for: principal)
        )
        var view = FormEditorView(draft: draft, choices: choices, t: t).view(issues: issues)
        view["action"] = record.map { "/admin/portal/forms/\($0.id)" } ?? "/admin/portal/forms/new"
        if let record {
            view["version"] = record.version
            view["hasVersions"] = true
            view["versions"] = try await services.requestForms.versions(of: record.id, by: principal).reversed().map { version in
                [
                    "vNumber": version.version, "vAt": time.absolute(version.createdAt), "vCurrent": version.version == record.version,
                    "vHref": "/admin/portal/forms/\(record.id)/versions/\(version.version)",
                ] as [String: Any]
            }
        }
        if let rendered { view["preview"] = try await preview(rendered, context) }
        return try admin.pages.page(
            "admin/portal-form-editor", title: record == nil ? "admin.portal.forms.new" : "admin.portal.forms.edit", view: view,
            context: context, request: request, section: "admin", status: status, titleArguments: ["name": record?.form.name ?? ""]
        )
    }

    /// A form as the portal shows it, every page below the other, conditions working as they do there.
    private func preview(_ form: RenderedForm, _ context: AppRequestContext) async throws -> [String: Any] {
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let answers = FormAnswers(FormData(fields: []), form: form, time: time)
        let sections = FormSectionsView(answers: answers, shown: answers.shownFields(of: form), errors: [:], hintField: nil, time: time)
        var pages: [[String: Any]] = []
        for (index, page) in form.pages.enumerated() {
            var view: [String: Any] = ["sections": try await sections.sections(of: page) { _ in [] }, "pageNumber": index + 1]
            if let title = page.title { view["pageTitle"] = title }
            pages.append(view)
        }
        return ["pages": pages, "formName": form.name, "pageCount": form.pages.count]
    }
}
