import Domain
import Foundation
import Hummingbird
import Services

/// Configuration items under `/api/v1/cmdb/items`: create, read (with `ETag`), change (`If-Match`), versions
/// and history (newest first, by cursor).
struct CMDBItemController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let items = services.configItems
        api.post("cmdb/items") { request, context -> Response in
            let input = try await APIBody.decode(NewConfigItem.self, from: request)
            let item = try await items.create(input, by: try context.requirePrincipal())
            return try APIBody.response(item, status: .created, headers: [
                .eTag: TicketController.etag(item.version), .location: "/api/v1/cmdb/items/\(item.id)",
            ])
        }
        api.get("cmdb/items/:id") { _, context -> Response in
            let item = try await items.item(try context.id(), for: try context.requirePrincipal())
            return try APIBody.response(item, headers: [.eTag: TicketController.etag(item.version)])
        }
        api.patch("cmdb/items/:id") { request, context -> Response in
            let changes = try await APIBody.decode(ConfigItemChanges.self, from: request)
            let item = try await items.update(
                try context.id(), changes, expectedVersion: try TicketController.ifMatch(request), by: try context.requirePrincipal()
            )
            return try APIBody.response(item, headers: [.eTag: TicketController.etag(item.version)])
        }
        api.get("cmdb/items/:id/versions") { _, context -> Response in
            try APIBody.response(ItemList(items: try await items.versions(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.get("cmdb/items/:id/history") { request, context -> Response in
            try APIBody.response(try await items.history(
                of: try context.id(), cursor: request.query("cursor"), limit: try request.queryInt("limit") ?? 50, for: try context.requirePrincipal()
            ))
        }
    }
}
