import Domain
import Foundation
import Hummingbird
import NIOCore
import Services
import Store

/// Item lists: one class or all, with filters by state, attribute conditions and search words, sortable columns,
/// cursor paging, saved lists and the CSV export of the whole list.
struct CMDBItemListController {
    let services: WebServices
    let pages: PageRenderer
    static let pageSize = 50

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("cmdb/items") { request, context -> Response in
            try await list(request, context, parameters: CMDBListParameters(query: request.uri.query ?? ""))
        }
        agent.get("cmdb/classes/:id") { request, context -> Response in
            var parameters = CMDBListParameters(query: request.uri.query ?? "")
            parameters.classID = try context.parameters.require("id", as: Int64.self)
            return try await list(request, context, parameters: parameters)
        }
        agent.get("cmdb/export") { request, context -> Response in
            let parameters = CMDBListParameters(query: request.uri.query ?? "")
            let csv = try await services.configItems.export(parameters.request(), for: try context.requireAgent())
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"cmdb.csv\"", .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        agent.post("cmdb/lists") { _, context -> Response in
            let principal = try context.requireAgent()
            let parameters = CMDBListParameters(query: context.form["listQuery"] ?? "")
            let saved = try await services.cmdbLists.save(CISavedListInput(name: context.form.trimmed("name") ?? "", filters: parameters.request()), by: principal)
            return PageRenderer.redirect(to: "/agent/cmdb/lists/\(saved.id)", notice: "cmdbListSaved")
        }
        agent.get("cmdb/lists/:id") { request, context -> Response in
            let principal = try context.requireAgent()
            let id = try context.parameters.require("id", as: Int64.self)
            async let filters = services.cmdbLists.filters(of: id, for: principal)
            async let classes = services.cmdbClasses.classes(for: principal)
            let parameters = CMDBListParameters(try await filters, classes: try await classes)
            let notice = request.uri.queryParameters["notice"].map { "&notice=\($0)" } ?? ""
            return PageRenderer.redirect(to: "/agent/cmdb/items?" + parameters.urlQuery() + notice)
        }
        agent.post("cmdb/lists/:id/delete") { _, context -> Response in
            try await services.cmdbLists.delete(try context.parameters.require("id", as: Int64.self), by: try context.requireAgent())
            return PageRenderer.redirect(to: "/agent/cmdb", notice: "cmdbListDeleted")
        }
    }

    private func list(_ request: Request, _ context: AppRequestContext, parameters: CMDBListParameters) async throws -> Response {
        let principal = try context.requireAgent()
        let labels = CMDBLabels(pages: pages, context: context)
        async let allClasses = services.cmdbClasses.classes(for: principal)
        async let savedLists = services.cmdbLists.lists(for: principal)
        let classes = labels.sorted(try await allClasses)
        let ciClass = parameters.classID.flatMap { id in classes.first { $0.id == id } }
        if parameters.classID != nil, ciClass == nil { throw DomainError.notFound("No configuration item class \(parameters.classID ?? 0).") }
        let cursor = request.uri.queryParameters["cursor"].map(String.init)
        var issues: [FieldIssue] = []
        var page: ConfigItemPage?
        do {
            page = try await services.configItems.list(parameters.request(cursor: cursor, limit: Self.pageSize), for: principal)
        } catch DomainError.invalid(let message, let found) {
            issues = found.isEmpty ? [FieldIssue(field: "", message: message)] : found
        }
        let keyAttributes = ciClass?.keyAttributes ?? []
        let items = page?.items ?? []
        let formatter = try await CIValueFormatter.load(items.map(\.attributes), attributes: keyAttributes, services: services, pages: pages,
                                                        context: context, principal: principal)
        let classNames = Dictionary(uniqueKeysWithValues: classes.map { ($0.id, labels.className($0)) })
        let rows: [[String: Any]] = items.map { item in
            [
                "id": item.id, "number": item.number, "name": item.name, "class": classNames[item.classId] ?? item.class,
                "deployment": labels.deployment(item.deploymentState), "incident": labels.incident(item.incidentState),
                "cells": keyAttributes.map { attribute in formatter.cell(item.attributes[attribute.key], attribute) ?? ["text": ""] },
            ]
        }
        let query = parameters.urlQuery()
        var view: [String: Any] = [
            "heading": ciClass.map(labels.className) ?? pages.text(parameters.query.isEmpty ? "cmdb.items.all" : "cmdb.items.found", context),
            "rows": rows, "hasRows": !rows.isEmpty, "showClass": ciClass == nil,
            "columns": columns(parameters, keyAttributes: keyAttributes, labels: labels),
            "filters": filterForm(parameters, ciClass: ciClass, classes: classes, labels: labels),
            "classes": classes.map { ["id": $0.id, "name": labels.className($0), "current": $0.id == ciClass?.id] as [String: Any] },
            "lists": try await savedLists.map { ["id": $0.id, "name": $0.name] },
            "listQuery": query, "exportHref": "/agent/cmdb/export?" + query,
            "firstPage": cursor != nil,
            "issues": issues.map { ["field": $0.field, "message": pages.text(of: $0, context)] }, "hasIssues": !issues.isEmpty,
        ]
        if let ciClass { view["newHref"] = "/agent/cmdb/classes/\(ciClass.id)/new" }
        if let next = page?.next { view["nextPage"] = "/agent/cmdb/items?" + query + "&cursor=" + ListURLQuery.encode(next) }
        return try pages.page("agent/cmdb/items", title: "cmdb.items.title", view: view, context: context, request: request, section: "cmdb",
                              status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    /// The column headers; sortable ones link to the list sorted by them (again: the other direction).
    private func columns(_ parameters: CMDBListParameters, keyAttributes: [CIAttribute], labels: CMDBLabels) -> [[String: Any]] {
        let fixed: [(String, ConfigItemListQuery.Sort?)] = [("number", .number), ("name", .name)]
            + (parameters.classID == nil ? [("class", nil)] : []) + [("deploymentState", nil), ("incidentState", nil)]
        var columns = fixed.map { key, sort -> [String: Any] in
            var column: [String: Any] = ["label": labels.field(key, attributes: [])]
            if let sort {
                let current = parameters.sort == sort
                column["href"] = "/agent/cmdb/items?" + parameters.urlQuery(["sort": (current && !parameters.descending ? "-" : "") + sort.rawValue])
                if current { column["sorted"] = parameters.descending ? "descending" : "ascending" }
            }
            return column
        }
        columns += keyAttributes.map { ["label": labels.label($0)] }
        return columns
    }

    private func filterForm(_ parameters: CMDBListParameters, ciClass: CIClassView?, classes: [CIClassView], labels: CMDBLabels) -> [String: Any] {
        let conditions = (ciClass?.attributes ?? []).map { attribute -> [String: Any] in
            ["key": attribute.key, "label": labels.label(attribute), "value": parameters.attributes[attribute.key] ?? "",
             "hint": pages.text(attribute.type == .date || attribute.type.isNumeric ? "cmdb.filter.rangeHint" : "cmdb.filter.textHint", labels.context)]
        }
        var form: [String: Any] = [
            "q": parameters.query,
            "classes": classes.map { ["id": $0.id, "name": labels.className($0), "selected": $0.id == ciClass?.id] as [String: Any] },
            "deploymentStates": DeploymentState.allCases.map { state in
                labels.deployment(state).merging(["selected": parameters.deploymentStates.contains { DeploymentState(named: $0) == state }]) { $1 }
            },
            "incidentStates": IncidentState.allCases.map { state in
                labels.incident(state).merging(["selected": parameters.incidentStates.contains { IncidentState(named: $0) == state }]) { $1 }
            },
            "conditions": conditions, "hasConditions": !conditions.isEmpty,
            "conditionsOpen": !parameters.attributes.isEmpty,
        ]
        if let sort = parameters.sort { form["sort"] = (parameters.descending ? "-" : "") + sort.rawValue }
        if let due = parameters.due {
            let attribute = ciClass?.attributes.first { $0.key == due }
            form["due"] = ["key": due, "days": parameters.days ?? 30, "label": attribute.map(labels.label) ?? due] as [String: Any]
        }
        if let owner = parameters.ownerContactID { form["ownerContactId"] = owner }
        if let owner = parameters.ownerOrganisationID { form["ownerOrganisationId"] = owner }
        if let location = parameters.locationID { form["locationId"] = location }
        return form
    }
}
