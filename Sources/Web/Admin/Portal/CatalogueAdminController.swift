import Domain
import Foundation
import Hummingbird
import Services

/// `/admin/portal/catalogue`: the service catalogue's category tree — create, change, move under another parent,
/// order among siblings, deactivate — with titles and descriptions in German and English, icon, keywords, the
/// form it offers and who sees it, through `CatalogueService` as the REST API does.
struct CatalogueAdminController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("portal/catalogue") { request, context -> Response in try await list(request, context) }
        group.get("portal/catalogue/new") { request, context -> Response in
            let now = Date()
            return try await page(CatalogueCategory(titleDE: "", titleEN: "", createdAt: now, changedAt: now), request, context)
        }
        group.post("portal/catalogue/new") { request, context -> Response in
            let principal = try context.requireAdmin()
            let now = Date()
            var form = admin.reader(context)
            let draft = read(&form, into: CatalogueCategory(titleDE: "", titleEN: "", createdAt: now, changedAt: now))
            return try await admin.submit(context, reading: form, success: "/admin/portal/catalogue", notice: "adminSaved") { issues, status in
                try await page(draft, request, context, issues: issues, status: status)
            } save: {
                _ = try await services.catalogue.create(CategoryInput(draft), by: principal)
            }
        }
        group.get("portal/catalogue/:id") { request, context -> Response in
            try await page(try await existing(context), request, context)
        }
        group.post("portal/catalogue/:id") { request, context -> Response in
            let principal = try context.requireAdmin()
            var form = admin.reader(context)
            let draft = read(&form, into: try await existing(context))
            return try await admin.submit(context, reading: form, success: "/admin/portal/catalogue", notice: "adminSaved") { issues, status in
                try await page(draft, request, context, issues: issues, status: status)
            } save: {
                _ = try await services.catalogue.update(draft.id, CategoryChanges(replacingWith: draft), expectedVersion: nil, by: principal)
            }
        }
    }

    private func existing(_ context: AppRequestContext) async throws -> CatalogueCategory {
        let id = try context.id()
        guard let category = try await services.catalogue.categories(matching: nil, for: try context.requireAdmin()).first(where: { $0.id == id }) else {
            throw DomainError.notFound("No category \(id).")
        }
        return category
    }

    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let categories = try await services.catalogue.categories(matching: nil, for: principal)
        let forms = Dictionary(uniqueKeysWithValues: try await services.requestForms.forms(by: principal).map { ($0.record.id, $0.record.form.name) })
        let parents = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.parentID) })
        func depth(_ category: CatalogueCategory) -> Int {
            var depth = 0
            var parent = category.parentID
            while let current = parent, depth < 6 { depth += 1; parent = parents[current] ?? nil }
            return depth
        }
        var list = AdminList(
            columns: [t("admin.portal.catalogue.category"), t("admin.portal.catalogue.visibility"), t("admin.portal.catalogue.form"),
                      t("admin.portal.catalogue.sortOrder")],
            rows: categories.map { category in
                var title = AdminList.Cell(category.title(in: context.language.rawValue), href: "/admin/portal/catalogue/\(category.id)",
                                           sub: category.description(in: context.language.rawValue))
                if !category.isActive { (title.badge, title.tone) = (t("admin.common.inactive"), "muted") }
                return AdminList.Row(cells: [
                    title, AdminList.Cell(t("admin.portal.catalogue.visibilities.\(category.visibility.rawValue)")),
                    category.formID.map { AdminList.Cell(forms[$0] ?? "–", href: "/admin/portal/forms/\($0)") } ?? AdminList.Cell("–"),
                    AdminList.Cell(String(category.sortOrder)),
                ], depth: depth(category), isInactive: !category.isActive)
            },
            lead: t("admin.portal.catalogue.lead")
        )
        (list.newPath, list.newLabel) = ("/admin/portal/catalogue/new", t("admin.portal.catalogue.new"))
        return try admin.list(list, title: "admin.portal.catalogue.title", request: request, context: context)
    }

    /// The category with the submitted values; keywords are separated by commas.
    private func read(_ form: inout FormReader, into category: CatalogueCategory) -> CatalogueCategory {
        var category = category
        category.titleDE = form.text("titleDE")
        category.titleEN = form.text("titleEN")
        category.descriptionDE = form.optional("descriptionDE")
        category.descriptionEN = form.optional("descriptionEN")
        category.icon = form.optional("icon")
        category.keywords = form.text("keywords").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        category.parentID = form.id("parentId")
        category.sortOrder = form.int("sortOrder") ?? 0
        category.visibility = form.choice("visibility", category.visibility)
        category.organisationIDs = category.visibility == .organisations ? form.form.ids("organisationIds") : []
        category.formID = form.id("formId")
        category.isActive = form.isChecked("isActive")
        return category
    }

    private func page(
        _ category: CatalogueCategory, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        let language = context.language.rawValue
        let isNew = category.id == 0
        let categories = try await services.catalogue.categories(matching: nil, for: principal).filter { $0.id != category.id }
        let forms = try await services.requestForms.forms(by: principal).map(\.record)
        let organisations = try await services.people.organisations(after: nil, limit: 1000, by: principal).items.map(\.value)
        var form = AdminForm(
            action: isNew ? "/admin/portal/catalogue/new" : "/admin/portal/catalogue/\(category.id)", submitLabel: t("action.save"),
            sections: [
                FormSection(fields: [
                    FormField("titleDE", t("admin.portal.catalogue.titleDE"), value: category.titleDE, isRequired: true),
                    FormField("titleEN", t("admin.portal.catalogue.titleEN"), value: category.titleEN, isRequired: true),
                    FormField("descriptionDE", t("admin.portal.catalogue.descriptionDE"), .textarea, value: category.descriptionDE ?? ""),
                    FormField("descriptionEN", t("admin.portal.catalogue.descriptionEN"), .textarea, value: category.descriptionEN ?? ""),
                    FormField("icon", t("admin.portal.catalogue.icon"), value: category.icon ?? "", hint: t("admin.portal.catalogue.iconHint")),
                    FormField("keywords", t("admin.portal.catalogue.keywords"), value: category.keywords.joined(separator: ", "),
                              hint: t("admin.portal.catalogue.keywordsHint")),
                    .choice("formId", t("admin.portal.catalogue.form"), FormOption.records(
                        forms, selected: category.formID, none: t("admin.portal.catalogue.noForm"), label: \.form.name
                    )),
                ]),
                FormSection(t("admin.portal.catalogue.placement"), fields: [
                    .choice("parentId", t("admin.portal.catalogue.parent"), FormOption.tree(
                        categories, selected: category.parentID, none: t("admin.portal.catalogue.noParent"), parent: \.parentID,
                        name: { $0.title(in: language) }
                    )),
                    FormField("sortOrder", t("admin.portal.catalogue.sortOrder"), .number, value: String(category.sortOrder),
                              hint: t("admin.portal.catalogue.sortOrderHint")),
                    .checkbox("isActive", t("admin.common.active"), isChecked: category.isActive, hint: t("admin.portal.catalogue.activeHint")),
                ]),
                FormSection(t("admin.portal.catalogue.visibility"), hint: t("admin.portal.catalogue.visibilityHint"), fields: [
                    .choice("visibility", t("admin.portal.catalogue.visibility"), CatalogueVisibility.allCases.map {
                        FormOption($0.rawValue, t("admin.portal.catalogue.visibilities.\($0.rawValue)"), selected: $0 == category.visibility)
                    }),
                    .choice("organisationIds", t("admin.portal.catalogue.organisations"), organisations.map {
                        FormOption(String($0.id), $0.name, selected: category.organisationIDs.contains($0.id))
                    }, kind: .choices),
                ]),
            ]
        )
        form.place(issues)
        let title = category.title(in: language)
        return try admin.forms(
            [form], title: isNew ? "admin.portal.catalogue.new" : "admin.portal.catalogue.edit", titleArguments: ["name": title],
            back: (t("admin.portal.catalogue.title"), "/admin/portal/catalogue"), request: request, context: context, status: status
        )
    }
}
