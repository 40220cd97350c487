import Domain
import Foundation
import Hummingbird
import Services

/// The item form: create an item of a class (`/agent/cmdb/classes/{id}/new`) or change one (`/agent/cmdb/items/{id}/edit`).
/// Controls follow the attribute types; the Services' messages appear next to their fields. The edit form carries the
/// version it was loaded at, so a change someone made in between is explained and nothing is overwritten.
struct CMDBItemFormController {
    let services: WebServices
    let pages: PageRenderer

    /// What the form is for: a new item of a class, or an existing item.
    private enum Subject {
        case new(CIClassView)
        case existing(ConfigItemView, CIClassView, definition: [CIAttribute])
    }

    /// What went wrong with a submitted form.
    private struct Problems {
        var fields: [String: String] = [:]
        var general: [String] = []
        /// The version someone else wrote meanwhile, when the form was loaded at an older one.
        var stale: ConfigItemVersion?

        /// Files the Services' issues under their fields; issues without a field of the form go to the general list.
        mutating func add(_ issues: [FieldIssue], summary: String) {
            let known: Set<String> = ["name", "deploymentState", "incidentState", "ownerContactId", "ownerOrganisationId", "locationId"]
            for issue in issues {
                if known.contains(issue.field) || issue.field.hasPrefix("attributes.") {
                    fields[issue.field] = issue.message
                } else {
                    general.append(issue.message)
                }
            }
            if issues.isEmpty { general.append(summary) }
        }
    }

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("cmdb/classes/:id/new") { request, context -> Response in
            let principal = try context.requireCMDBWriter()
            let ciClass = try await services.cmdbClasses.ciClass(try context.parameters.require("id", as: Int64.self), for: principal)
            return try await render(.new(ciClass), request, context, principal: principal)
        }
        agent.post("cmdb/classes/:id/new") { request, context -> Response in
            let principal = try context.requireCMDBWriter()
            let ciClass = try await services.cmdbClasses.ciClass(try context.parameters.require("id", as: Int64.self), for: principal)
            let form = context.form
            var problems = Problems()
            var input = NewConfigItem(classId: ciClass.id, name: form["name"] ?? "", deploymentState: form.trimmed("deploymentState"),
                                      attributes: attributeInputs(ciClass.attributes, form: form, context: context))
            input.incidentState = form.trimmed("incidentState")
            input.ownerContactId = reference("ownerContactId", form, &problems, context)
            input.ownerOrganisationId = reference("ownerOrganisationId", form, &problems, context)
            input.locationId = reference("locationId", form, &problems, context)
            if problems.fields.isEmpty {
                do {
                    let item = try await services.configItems.create(input, by: principal)
                    return PageRenderer.redirect(to: "/agent/cmdb/items/\(item.id)", notice: "cmdbCreated")
                } catch DomainError.invalid(let message, let issues) {
                    problems.add(issues, summary: message)
                }
            }
            return try await render(.new(ciClass), request, context, principal: principal, sent: form, problems: problems)
        }
        agent.get("cmdb/items/:id/edit") { request, context -> Response in
            let principal = try context.requireCMDBWriter()
            return try await render(try await existing(try context.parameters.require("id", as: Int64.self), principal), request, context, principal: principal)
        }
        agent.post("cmdb/items/:id/edit") { request, context -> Response in
            let principal = try context.requireCMDBWriter()
            let id = try context.parameters.require("id", as: Int64.self)
            let subject = try await existing(id, principal)
            guard case .existing(_, _, let definition) = subject else { throw DomainError.notFound("No configuration item \(id).") }
            let form = context.form
            var problems = Problems()
            var changes = ConfigItemChanges()
            changes.name = form["name"] ?? ""
            changes.deploymentState = form.trimmed("deploymentState")
            changes.incidentState = form.trimmed("incidentState")
            changes.ownerContactId = change(reference("ownerContactId", form, &problems, context))
            changes.ownerOrganisationId = change(reference("ownerOrganisationId", form, &problems, context))
            changes.locationId = change(reference("locationId", form, &problems, context))
            changes.attributes = attributeInputs(definition, form: form, context: context)
            if problems.fields.isEmpty {
                do {
                    _ = try await services.configItems.update(id, changes, expectedVersion: form.id("version"), by: principal)
                    return PageRenderer.redirect(to: "/agent/cmdb/items/\(id)", notice: "cmdbSaved")
                } catch DomainError.invalid(let message, let issues) {
                    problems.add(issues, summary: message)
                } catch DomainError.stale {
                    problems.stale = try await services.configItems.versions(of: id, for: principal).last
                }
            }
            return try await render(subject, request, context, principal: principal, sent: form, problems: problems)
        }
    }

    /// The item with the definition of the class version it was written with (which changes are checked against).
    private func existing(_ id: Int64, _ principal: Principal) async throws -> Subject {
        let item = try await services.configItems.item(id, for: principal)
        let ciClass = try await services.cmdbClasses.ciClass(item.classId, for: principal)
        guard item.classVersion != ciClass.version else { return .existing(item, ciClass, definition: ciClass.attributes) }
        let written = try await services.cmdbClasses.versions(of: ciClass.id, for: principal).first { $0.version == item.classVersion }
        return .existing(item, ciClass, definition: written?.definition.attributes ?? ciClass.attributes)
    }

    private func attributeInputs(_ attributes: [CIAttribute], form: FormData, context: AppRequestContext) -> [String: FieldInput] {
        let labels = CMDBLabels(pages: pages, context: context)
        return Dictionary(uniqueKeysWithValues: attributes.map { ($0.key, CIAttributeInput(attribute: $0, labels: labels).input(form)) })
    }

    /// An id field: nil when empty; a form problem when it is not a whole number.
    private func reference(_ name: String, _ form: FormData, _ problems: inout Problems, _ context: AppRequestContext) -> Int64? {
        guard let text = form.trimmed(name) else { return nil }
        guard let id = Int64(text), id > 0 else {
            problems.fields[name] = pages.text("cmdb.form.notAnId", context)
            return nil
        }
        return id
    }

    private func change(_ id: Int64?) -> Change<Int64> {
        id.map { .set($0) } ?? .clear
    }

    private func render(
        _ subject: Subject, _ request: Request, _ context: AppRequestContext, principal: Principal, sent: FormData? = nil, problems: Problems = Problems()
    ) async throws -> Response {
        let labels = CMDBLabels(pages: pages, context: context)
        let (item, ciClass, definition): (ConfigItemView?, CIClassView, [CIAttribute]) = switch subject {
        case .new(let ciClass): (nil, ciClass, ciClass.attributes)
        case .existing(let item, let ciClass, let definition): (item, ciClass, definition)
        }
        let stored = item?.attributes ?? [:]
        let formatter = try await CIValueFormatter.load(
            [stored], attributes: definition, contacts: Set([item?.ownerContactId].compactMap { $0 }),
            organisations: Set([item?.ownerOrganisationId].compactMap { $0 }), services: services, pages: pages, context: context, principal: principal
        )
        let value = { (name: String, current: String?) in sent?[name] ?? current ?? "" }
        let deployment = sent?["deploymentState"] ?? item?.deploymentState.rawValue ?? DeploymentState.planned.rawValue
        let incident = sent?["incidentState"] ?? item?.incidentState.rawValue ?? IncidentState.operational.rawValue
        let sections: [String?] = ciClass.sections.map(Optional.some) + [nil]
        var view: [String: Any] = [
            "classId": ciClass.id, "className": labels.className(ciClass),
            "name": value("name", item?.name),
            "deploymentStates": DeploymentState.allCases.map { labels.deployment($0).merging(["selected": $0.rawValue == deployment]) { $1 } },
            "incidentStates": IncidentState.allCases.map { labels.incident($0).merging(["selected": $0.rawValue == incident]) { $1 } },
            "ownerContactId": value("ownerContactId", item?.ownerContactId.map(String.init)),
            "ownerOrganisationId": value("ownerOrganisationId", item?.ownerOrganisationId.map(String.init)),
            "locationId": value("locationId", item?.locationId.map(String.init)),
            "sections": sections.compactMap { section -> [String: Any]? in
                let fields = definition.filter { $0.section == section || (section == nil && !ciClass.sections.contains($0.section ?? "")) }.map { attribute in
                    CIAttributeInput(attribute: attribute, labels: labels).field(
                        stored: stored[attribute.key], sent: sent, error: problems.fields["attributes.\(attribute.key)"],
                        referenceName: formatter.cell(stored[attribute.key], attribute).flatMap { attribute.type.isReference ? $0["text"] as? String : nil }
                    )
                }
                guard !fields.isEmpty else { return nil }
                return ["name": section.map(labels.section) ?? pages.text("cmdb.item.otherSection", context), "fields": fields]
            },
            "errors": problems.fields.filter { !$0.key.hasPrefix("attributes.") },
            "general": problems.general, "hasGeneral": !problems.general.isEmpty,
        ]
        if let owner = item?.ownerContactId { view["ownerContactName"] = formatter.contacts[owner] }
        if let owner = item?.ownerOrganisationId { view["ownerOrganisationName"] = formatter.organisations[owner] }
        if let item {
            view["item"] = ["id": item.id, "number": item.number, "name": item.name, "version": sent?["version"] ?? String(item.version)] as [String: Any]
            view["action"] = "/agent/cmdb/items/\(item.id)/edit"
            view["cancel"] = "/agent/cmdb/items/\(item.id)"
        } else {
            view["action"] = "/agent/cmdb/classes/\(ciClass.id)/new"
            view["cancel"] = "/agent/cmdb/classes/\(ciClass.id)"
        }
        if let stale = problems.stale {
            let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
            let users = try await services.people.displayNames(contacts: [], organisations: [], users: Set([stale.createdBy].compactMap { $0 }), by: principal).users
            view["stale"] = [
                "version": stale.version, "when": time.absolute(stale.createdAt), "reload": "/agent/cmdb/items/\(item?.id ?? 0)/edit",
                "who": stale.createdBy.flatMap { users[$0] } ?? pages.text("cmdb.system", context),
            ] as [String: Any]
        }
        let status: HTTPResponse.Status = problems.stale != nil ? .preconditionFailed
            : (problems.fields.isEmpty && problems.general.isEmpty ? .ok : .unprocessableContent)
        return try pages.page("agent/cmdb/item-form", title: item == nil ? "cmdb.form.newTitle" : "cmdb.form.editTitle", view: view,
                              context: context, request: request, section: "cmdb", status: status,
                              titleArguments: ["class": labels.className(ciClass), "name": item?.name ?? ""])
    }
}
