import Domain
import Foundation
import Hummingbird
import Services

/// CMDB classes under `/api/v1/cmdb/classes`: agents read, administrators define, redefine (a new version) and
/// upgrade the items of a class to its current version; and `/api/v1/cmdb/impact-settings`, which tickets put the
/// items they affect into incident state (administrators, with `ETag`/`If-Match`).
struct CMDBClassController {
    let services: WebServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let classes = services.cmdbClasses
        api.get("cmdb/classes") { _, context -> Response in
            try APIBody.response(ItemList(items: try await classes.classes(for: try context.requirePrincipal())))
        }
        api.post("cmdb/classes") { request, context -> Response in
            let input = try await APIBody.decode(CIClassInput.self, from: request)
            let created = try await classes.create(input, by: try context.requirePrincipal())
            return try APIBody.response(created, status: .created, headers: [.location: "/api/v1/cmdb/classes/\(created.id)"])
        }
        api.get("cmdb/classes/:id") { _, context -> Response in
            try APIBody.response(try await classes.ciClass(try context.id(), for: try context.requirePrincipal()))
        }
        api.put("cmdb/classes/:id") { request, context -> Response in
            let input = try await APIBody.decode(CIClassInput.self, from: request)
            return try APIBody.response(try await classes.redefine(try context.id(), input, by: try context.requirePrincipal()))
        }
        api.get("cmdb/classes/:id/versions") { _, context -> Response in
            try APIBody.response(ItemList(items: try await classes.versions(of: try context.id(), for: try context.requirePrincipal())))
        }
        api.post("cmdb/classes/:id/upgrade") { request, context -> Response in
            let rule = try await APIBody.decode(CIClassUpgrade.self, from: request)
            return try APIBody.response(try await classes.upgrade(try context.id(), rule: rule, by: try context.requirePrincipal()))
        }
        api.get("cmdb/impact-settings") { _, context -> Response in
            let settings = try await services.cmdbImpact.settings(for: try context.requirePrincipal())
            return try APIBody.response(settings, headers: [.eTag: TicketController.etag(settings.version)])
        }
        api.put("cmdb/impact-settings") { request, context -> Response in
            let input = try await APIBody.decode(CIImpactSettingsInput.self, from: request)
            let settings = try await services.cmdbImpact.update(input, expectedVersion: try TicketController.ifMatch(request), by: try context.requirePrincipal())
            return try APIBody.response(settings, headers: [.eTag: TicketController.etag(settings.version)])
        }
    }
}
