import Domain
import Foundation
import Hummingbird
import Services

/// One item's page `/agent/cmdb/items/{id}`: attributes by section, states, owner and location; relations with add and
/// remove forms; the neighbourhood graph; linked tickets with their SLA; versions with a comparison of two; history.
struct CMDBItemPageController {
    let services: WebServices
    let pages: PageRenderer
    /// The deepest neighbourhood the page draws.
    static let maximumDepth = 3
    static let ticketRows = 25
    /// History entries a page shows; older ones follow page by page.
    static let historyRows = 50

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("cmdb/items/:id") { request, context -> Response in
            try await page(request, context, id: try context.parameters.require("id", as: Int64.self))
        }
        agent.post("cmdb/items/:id/relations") { request, context -> Response in
            let principal = try context.requireAgent()
            let id = try context.parameters.require("id", as: Int64.self)
            let form = context.form
            let choice = (form["relation"] ?? "").split(separator: ":").map(String.init)
            do {
                guard choice.count == 2, let type = CIRelationType(rawValue: choice[1]), ["in", "out"].contains(choice[0]) else {
                    throw DomainError.invalid(field: "relation", pages.text("cmdb.relations.chooseType", context))
                }
                let target = try await resolveItem(form.trimmed("target"), principal: principal, context: context)
                if choice[0] == "out" {
                    _ = try await services.configItems.relate(id, type: type, to: target, by: principal)
                } else {
                    _ = try await services.configItems.relate(target, type: type, to: id, by: principal)
                }
            } catch DomainError.invalid(let message, let issues) {
                return try await page(request, context, id: id, relationError: issues.first?.message ?? message)
            }
            return PageRenderer.redirect(to: "/agent/cmdb/items/\(id)?notice=cmdbRelated#relations")
        }
        agent.post("cmdb/items/:id/relations/:relation/delete") { _, context -> Response in
            let id = try context.parameters.require("id", as: Int64.self)
            try await services.configItems.unrelate(id, relationID: try context.parameters.require("relation", as: Int64.self), by: try context.requireAgent())
            return PageRenderer.redirect(to: "/agent/cmdb/items/\(id)?notice=cmdbUnrelated#relations")
        }
    }

    /// The item an agent names by number (`CI0000042`, any case) or id.
    private func resolveItem(_ text: String?, principal: Principal, context: AppRequestContext) async throws -> Int64 {
        let wanted = (text ?? "").uppercased()
        if let id = Int64(wanted) { return id }
        if wanted.hasPrefix("CI"), wanted.dropFirst(2).allSatisfy(\.isNumber), wanted.count > 2 {
            var search = ConfigItemListRequest()
            search.q = wanted
            search.limit = 5
            if let found = try await services.configItems.list(search, for: principal).items.first(where: { $0.number == wanted }) { return found.id }
        }
        throw DomainError.invalid(field: "target", pages.text("cmdb.relations.unknownTarget", context, ["target": text ?? ""]))
    }

    private func page(_ request: Request, _ context: AppRequestContext, id: Int64, relationError: String? = nil) async throws -> Response {
        let principal = try context.requireAgent()
        let labels = CMDBLabels(pages: pages, context: context)
        let depth = min(max(request.uri.queryParameters["depth"].flatMap { Int($0) } ?? 1, 1), Self.maximumDepth)
        let item = try await services.configItems.item(id, for: principal)
        async let classes = services.cmdbClasses.classes(for: principal)
        async let relations = services.configItems.relations(of: id, for: principal)
        async let graph = services.configItems.graph(of: id, depth: depth, for: principal)
        async let versions = services.configItems.versions(of: id, for: principal)
        let historyCursor = request.uri.queryParameters["historyCursor"].map(String.init)
        async let history = services.configItems.history(of: id, cursor: historyCursor, limit: Self.historyRows, for: principal)
        async let tickets = linkedTickets(id, principal: principal, context: context)
        let allClasses = try await classes
        guard let ciClass = allClasses.first(where: { $0.id == item.classId }) else { throw DomainError.notFound("No configuration item class \(item.classId).") }
        let classNames = Dictionary(uniqueKeysWithValues: allClasses.map { ($0.id, labels.className($0)) })
        let formatter = try await CIValueFormatter.load(
            [item.attributes], attributes: ciClass.attributes, contacts: Set([item.ownerContactId].compactMap { $0 }),
            organisations: Set([item.ownerOrganisationId].compactMap { $0 }), services: services, pages: pages, context: context, principal: principal
        )
        let itemVersions = try await versions, historyPage = try await history
        let entries = historyPage.items
        let actors = Set(itemVersions.compactMap(\.createdBy) + entries.compactMap(\.actorID))
        let users = actors.isEmpty ? [:] : try await services.people.displayNames(contacts: [], organisations: [], users: actors, by: principal).users
        let time = TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
        let actorName = { (id: Int64?) in id.flatMap { users[$0] } ?? pages.text("cmdb.system", context) }
        var view: [String: Any] = [
            "id": item.id, "number": item.number, "name": item.name, "classId": ciClass.id, "className": labels.className(ciClass),
            "deployment": labels.deployment(item.deploymentState), "incident": labels.incident(item.incidentState),
            "version": item.version, "created": time.absolute(item.createdAt), "changed": time.absolute(item.changedAt),
            "sections": sections(item, ciClass: ciClass, formatter: formatter, labels: labels),
            "relations": try await relations.map { relation -> [String: Any] in
                ["id": relation.id, "itemId": id, "label": labels.relation(relation.type, fromSource: relation.sourceId == id), "otherId": relation.other.id,
                 "otherNumber": relation.other.number, "otherName": relation.other.name]
            },
            "relationTypes": CIRelationType.allCases.flatMap { type in
                [["value": "out:\(type.rawValue)", "label": labels.relation(type, fromSource: true)],
                 ["value": "in:\(type.rawValue)", "label": labels.relation(type, fromSource: false)]]
            },
            "graph": CIGraphTree(graph: try await graph, labels: labels, classNames: classNames).view(centre: id),
            "depths": (1...Self.maximumDepth).map { ["value": $0, "selected": $0 == depth] },
            "tickets": try await tickets,
            "versions": itemVersions.reversed().map { version -> [String: Any] in
                ["version": version.version, "when": time.absolute(version.createdAt), "who": actorName(version.createdBy), "name": version.name,
                 "deployment": labels.deployment(version.deploymentState), "incident": labels.incident(version.incidentState)]
            },
            "history": entries.map { entry -> [String: Any] in
                ["when": time.absolute(entry.createdAt), "who": actorName(entry.actorID), "field": labels.field(entry.field, attributes: ciClass.attributes),
                 "old": labels.value(entry.oldValue, field: entry.field), "new": labels.value(entry.newValue, field: entry.field)]
            },
        ]
        if let diff = comparison(itemVersions, request: request, attributes: ciClass.attributes, labels: labels, actorName: actorName, time: time) {
            view["diff"] = diff
        }
        if let owner = item.ownerContactId { view["ownerContact"] = formatter.contacts[owner] ?? "#\(owner)"; view["ownerContactId"] = owner }
        if let owner = item.ownerOrganisationId { view["ownerOrganisation"] = formatter.organisations[owner] ?? "#\(owner)"; view["ownerOrganisationId"] = owner }
        if let path = item.locationPath, !path.isEmpty {
            view["location"] = path.reversed().map { ["id": $0.id, "name": $0.name, "number": $0.number] }
        }
        if let relationError { view["relationError"] = relationError }
        view["historyPaged"] = historyCursor != nil
        if let next = historyPage.next { view["historyNext"] = "/agent/cmdb/items/\(id)?historyCursor=\(next)#history" }
        return try pages.page("agent/cmdb/item", title: "cmdb.item.title", view: view, context: context, request: request, section: "cmdb",
                              status: relationError == nil ? .ok : .unprocessableContent, titleArguments: ["name": item.name, "number": item.number])
    }

    /// The attributes grouped by the class's sections (in its order; attributes without a section last), each with
    /// its label and value in words.
    private func sections(_ item: ConfigItemView, ciClass: CIClassView, formatter: CIValueFormatter, labels: CMDBLabels) -> [[String: Any]] {
        let names: [String?] = ciClass.sections.map(Optional.some) + [nil]
        return names.enumerated().compactMap { index, section -> [String: Any]? in
            let rows = ciClass.attributes.filter { $0.section == section || (section == nil && !ciClass.sections.contains($0.section ?? "")) }
                .map { attribute -> [String: Any] in
                    var row: [String: Any] = ["label": labels.label(attribute), "key": attribute.key]
                    if let cell = formatter.cell(item.attributes[attribute.key], attribute) { row["value"] = cell }
                    return row
                }
            guard !rows.isEmpty else { return nil }
            return ["name": section.map(labels.section) ?? pages.text("cmdb.item.otherSection", labels.context), "rows": rows, "anchor": "section-\(index)"]
        }
    }

    /// The differences between two versions (`from`, `to` in the URL; by default the last change).
    private func comparison(
        _ versions: [ConfigItemVersion], request: Request, attributes: [CIAttribute], labels: CMDBLabels, actorName: (Int64?) -> String, time: TimeText
    ) -> [String: Any]? {
        guard versions.count > 1, let last = versions.last else { return nil }
        let wanted = { (name: String) in request.uri.queryParameters[Substring(name)].flatMap { Int64($0) } }
        let to = versions.first { $0.version == wanted("to") } ?? last
        let from = versions.first { $0.version == wanted("from") } ?? versions.last { $0.version < to.version } ?? versions[0]
        let changes = to.changes(from: from).map { change -> [String: Any] in
            ["field": labels.field(change.field, attributes: attributes),
             "old": labels.value(change.old, field: change.field), "new": labels.value(change.new, field: change.field)]
        }
        return [
            "from": from.version, "to": to.version, "who": actorName(to.createdBy), "when": time.absolute(to.createdAt),
            "changes": changes, "hasChanges": !changes.isEmpty,
            "fromOptions": versions.map { ["value": $0.version, "selected": $0.version == from.version] },
            "toOptions": versions.map { ["value": $0.version, "selected": $0.version == to.version] },
        ]
    }

    /// The tickets linked to the item, newest first, as rows of the ticket table (with their SLA standing).
    private func linkedTickets(_ id: Int64, principal: Principal, context: AppRequestContext) async throws -> TicketTable {
        var list = TicketListRequest()
        list.configItemID = id
        list.sort = .created
        list.descending = true
        list.limit = Self.ticketRows
        let tickets = try await services.tickets.list(list, for: principal).items
        return TicketTable(try await TicketRowBuilder(services: services, pages: pages, context: context).rows(tickets, principal: principal))
    }
}
