import Domain
import Foundation
import Hummingbird
import NIOCore
import Services
import Store

/// Item lists, search, CSV export, saved lists and imports under `/api/v1/cmdb/`, plus a ticket's affected items.
struct CMDBListController {
    let services: WebServices

    struct RelationRequest: Decodable {
        var type: CIRelationType
        var targetId: Int64
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        let items = services.configItems
        let lists = services.cmdbLists
        api.get("cmdb/items") { request, context -> Response in
            try APIBody.response(try await items.list(try Self.listRequest(request), for: try context.requirePrincipal()))
        }
        api.get("cmdb/export") { request, context -> Response in
            let csv = try await items.export(try Self.listRequest(request), for: try context.requirePrincipal())
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"cmdb.csv\"",
            ], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        api.post("cmdb/import") { request, context -> Response in
            let input = try await APIBody.decode(ConfigItemImportRequest.self, from: request)
            let report = try await items.importItems(input, by: try context.requirePrincipal())
            return try APIBody.response(report, status: report.dryRun ? .ok : .created)
        }
        api.get("cmdb/lists") { _, context -> Response in
            try APIBody.response(ItemList(items: try await lists.lists(for: try context.requirePrincipal())))
        }
        api.post("cmdb/lists") { request, context -> Response in
            let input = try await APIBody.decode(CISavedListInput.self, from: request)
            return try APIBody.response(try await lists.save(input, by: try context.requirePrincipal()), status: .created)
        }
        api.delete("cmdb/lists/:id") { _, context -> Response in
            try await lists.delete(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.get("cmdb/lists/:id/items") { request, context -> Response in
            let principal = try context.requirePrincipal()
            var filters = try await lists.filters(of: try context.id(), for: principal)
            filters.limit = try request.queryInt("limit") ?? 50
            filters.cursor = request.query("cursor")
            return try APIBody.response(try await items.list(filters, for: principal))
        }
        api.get("cmdb/items/:id/relations") { _, context -> Response in
            try APIBody.response(ItemList(items: try await items.relations(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("cmdb/items/:id/relations") { request, context -> Response in
            let input = try await APIBody.decode(RelationRequest.self, from: request)
            let relation = try await items.relate(try context.id(), type: input.type, to: input.targetId, by: try context.requirePrincipal())
            return try APIBody.response(relation, status: .created)
        }
        api.delete("cmdb/items/:id/relations/:relationId") { _, context -> Response in
            try await items.unrelate(try context.id(), relationID: try context.id("relationId"), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
        api.get("cmdb/items/:id/graph") { request, context -> Response in
            let depth = try request.queryInt("depth") ?? 1
            return try APIBody.response(try await items.graph(of: try context.id(), depth: depth, for: try context.requirePrincipal()))
        }
        api.get("cmdb/items/:id/tickets") { request, context -> Response in
            let principal = try context.requirePrincipal()
            _ = try await items.item(try context.id(), for: principal)
            var list = try TicketController.listRequest(request)
            list.configItemID = try context.id()
            return try APIBody.response(try await services.tickets.list(list, for: principal))
        }
        api.get("tickets/:id/config-items") { request, context -> Response in
            let principal = try context.requirePrincipal()
            _ = try await services.tickets.ticket(try context.id(), for: principal)
            var list = ConfigItemListRequest()
            list.ticketId = try context.id()
            list.limit = try request.queryInt("limit") ?? 50
            list.cursor = request.query("cursor")
            return try APIBody.response(try await items.list(list, for: principal))
        }
    }

    /// The list parameters: `q`, repeatable `class`, `classId`, `deploymentState`, `incidentState`, `ownerContactId`,
    /// `ownerOrganisationId`, `locationId`; `ticketId`; `attr.KEY=condition`; `due` with `days`; `sort`, `cursor`, `limit`.
    static func listRequest(_ request: Request) throws -> ConfigItemListRequest {
        var list = ConfigItemListRequest()
        let parameters = request.uri.queryParameters
        list.q = request.query("q")
        list.classes = parameters.getAll("class").map { String($0) }
        list.classIds = try request.queryIDs("classId")
        list.deploymentStates = parameters.getAll("deploymentState").map { String($0) }
        list.incidentStates = parameters.getAll("incidentState").map { String($0) }
        list.ownerContactIds = try request.queryIDs("ownerContactId")
        list.ownerOrganisationIds = try request.queryIDs("ownerOrganisationId")
        list.locationIds = try request.queryIDs("locationId")
        list.ticketId = try request.queryIDs("ticketId").last
        list.due = request.query("due")
        list.days = try request.queryInt("days")
        list.limit = try request.queryInt("limit") ?? 50
        list.cursor = request.query("cursor")
        for (key, value) in parameters where key.hasPrefix("attr.") {
            list.attributes[String(key.dropFirst(5))] = String(value)
        }
        if let sort = request.query("sort") {
            guard let key = ConfigItemListQuery.Sort(rawValue: String(sort.drop { $0 == "-" })) else {
                throw DomainError.invalid(field: "sort", "sort is one of \(ConfigItemListQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")), optionally with a leading '-'.")
            }
            list.sort = key
            list.descending = sort.hasPrefix("-")
        }
        return list
    }
}
