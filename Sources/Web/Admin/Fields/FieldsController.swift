import Domain
import Foundation
import Hummingbird
import Services

/// `/admin/fields`: dynamic field definitions by object and type, with their options and rules — defined and
/// changed through `FieldService`, as the REST API does. Name, object and type are fixed once defined.
struct FieldsController {
    let services: WebServices
    let admin: AdminPages

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("fields") { request, context -> Response in
            let principal = try context.requireAdmin()
            let t = AdminTexts(admin: admin, context: context)
            let definitions = try await services.fields.definitions(for: nil, visibleTo: principal)
            var list = AdminList(
                columns: [t("admin.fields.label"), t("admin.fields.name"), t("admin.fields.object"), t("admin.fields.type"),
                          t("admin.fields.required"), t("admin.fields.customerVisible")],
                rows: definitions.sorted { ($0.object.rawValue, $0.label) < ($1.object.rawValue, $1.label) }.map { field in
                    AdminList.Row(cells: [
                        AdminList.Cell(field.label, href: "/admin/fields/\(field.name)"), AdminList.Cell(field.name),
                        AdminList.Cell(t("admin.fields.objects.\(field.object.rawValue)")),
                        AdminList.Cell(t("admin.fields.types.\(field.type.rawValue)"), sub: field.options.isEmpty ? nil : field.options.joined(separator: ", ")),
                        AdminList.Cell(t.flag(field.isRequired)), AdminList.Cell(t.flag(field.customerVisible)),
                    ])
                },
                lead: t("admin.fields.lead")
            )
            (list.newPath, list.newLabel) = ("/admin/fields/new", t("admin.fields.new"))
            return try admin.list(list, title: "admin.fields.title", request: request, context: context)
        }
        group.get("fields/new") { request, context -> Response in
            try page(FieldDefinition(name: "", label: "", object: .ticket, type: .text), isNew: true, request, context)
        }
        group.post("fields/new") { request, context -> Response in
            let principal = try context.requireAdmin()
            var form = admin.reader(context)
            var definition = FieldDefinition(
                name: form.text("name"), label: "", object: form.choice("object", FieldObject.ticket), type: form.choice("type", FieldType.text)
            )
            read(&form, into: &definition)
            let draft = definition
            return try await admin.submit(context, reading: form, success: "/admin/fields", notice: "adminSaved") { issues, status in
                try page(draft, isNew: true, request, context, issues: issues, status: status)
            } save: {
                _ = try await services.fields.define(draft, by: principal)
            }
        }
        group.get("fields/:name") { request, context -> Response in
            let found = try await existing(context)
            return try page(found.record, isNew: false, version: found.version, request, context)
        }
        group.post("fields/:name") { request, context -> Response in
            let principal = try context.requireAdmin()
            var definition = try await existing(context).record
            var form = admin.reader(context)
            read(&form, into: &definition)
            let draft = definition
            let version = form.version()
            return try await admin.submit(context, reading: form, success: "/admin/fields", notice: "adminSaved") { issues, status in
                try page(draft, isNew: false, version: version, request, context, issues: issues, status: status)
            } stale: {
                let current = try await existing(context)
                let explanation = try await StaleEdit.explanation(
                    kind: "field", id: current.record.id ?? 0, services: services, admin: admin, context: context)
                return try page(current.record, isNew: false, version: current.version, request, context, issues: [explanation], status: .preconditionFailed)
            } save: {
                _ = try await services.fields.redefine(name: draft.name, as: draft, expectedVersion: version, by: principal)
            }
        }
    }

    private func existing(_ context: AppRequestContext) async throws -> Versioned<FieldDefinition> {
        try await services.fields.definition(named: context.parameters.get("name") ?? "", visibleTo: try context.requireAdmin())
    }

    private func read(_ form: inout FormReader, into definition: inout FieldDefinition) {
        definition.label = form.text("label")
        definition.isRequired = form.isChecked("required")
        definition.regex = form.optional("regex")
        definition.options = form.raw("options").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        definition.customerVisible = form.isChecked("customerVisible")
        definition.minimum = form.number("minimum")
        definition.maximum = form.number("maximum")
    }

    private func page(
        _ field: FieldDefinition, isNew: Bool, version: Int64? = nil, _ request: Request, _ context: AppRequestContext, issues: [FieldIssue] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        _ = try context.requireAdmin()
        let t = AdminTexts(admin: admin, context: context)
        var name = FormField("name", t("admin.fields.name"), value: field.name, hint: isNew ? t("admin.fields.nameHint") : nil, isRequired: true)
        name.isReadOnly = !isNew
        var identity = [name]
        if isNew {
            identity += [
                .choice("object", t("admin.fields.object"), FieldObject.allCases.map {
                    FormOption($0.rawValue, t("admin.fields.objects.\($0.rawValue)"), selected: $0 == field.object)
                }),
                .choice("type", t("admin.fields.type"), FieldType.allCases.map {
                    FormOption($0.rawValue, t("admin.fields.types.\($0.rawValue)"), selected: $0 == field.type)
                }),
            ]
        }
        let number: (Double?) -> String = { value in value.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "" }
        var form = AdminForm(action: isNew ? "/admin/fields/new" : "/admin/fields/\(field.name)", submitLabel: t("action.save"), sections: [
            FormSection(hint: isNew ? nil : t("admin.fields.fixed", [
                "object": t("admin.fields.objects.\(field.object.rawValue)"), "type": t("admin.fields.types.\(field.type.rawValue)"),
            ]), fields: identity + [
                FormField("label", t("admin.fields.label"), value: field.label, isRequired: true),
                .checkbox("required", t("admin.fields.required"), isChecked: field.isRequired),
                .checkbox("customerVisible", t("admin.fields.customerVisible"), isChecked: field.customerVisible),
            ]),
            FormSection(t("admin.fields.rules"), hint: t("admin.fields.rulesHint"), fields: [
                FormField("options", t("admin.fields.options"), .textarea, value: field.options.joined(separator: "\n"), hint: t("admin.fields.optionsHint")),
                FormField("regex", t("admin.fields.regex"), value: field.regex ?? "", hint: t("admin.fields.regexHint")),
                FormField("minimum", t("admin.fields.minimum"), .number, value: number(field.minimum)),
                FormField("maximum", t("admin.fields.maximum"), .number, value: number(field.maximum)),
            ]),
        ])
        form.version = version
        form.place(issues)
        return try admin.forms(
            [form], title: isNew ? "admin.fields.new" : "admin.fields.edit", titleArguments: ["name": field.label],
            back: (t("admin.fields.title"), "/admin/fields"), request: request, context: context, status: status
        )
    }
}
