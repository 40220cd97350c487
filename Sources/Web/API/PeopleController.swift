import Domain
import Foundation
import Hummingbird
import Services

/// Users, roles, contacts, organisations and dynamic field definitions.
struct PeopleController {
    let services: WebServices

    struct FieldChange: Decodable {
        var label: String?
        var required: Bool?
        var regex: String?
        var options: [String]?
        var customerVisible: Bool?
        var minimum: Double?
        var maximum: Double?
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        api.get("users") { request, context -> Response in
            try APIBody.response(try await services.users.list(
                after: try request.queryInt("after").map(Int64.init), limit: try request.queryInt("limit") ?? 100, matching: request.query("q"),
                by: try context.requirePrincipal()
            ))
        }
        api.post("users") { request, context -> Response in
            let input = try await APIBody.decode(NewUser.self, from: request)
            return try APIBody.response(try await services.users.create(input, by: try context.requirePrincipal()), status: .created)
        }
        api.get("users/:id") { _, context -> Response in
            let user = try await services.users.user(try context.id(), by: try context.requirePrincipal())
            return try APIBody.response(user, headers: [.eTag: TicketController.etag(user.version)])
        }
        api.patch("users/:id") { request, context -> Response in
            let change = try await APIBody.decode(UserChange.self, from: request)
            let user = try await services.users.update(
                try context.id(), change, expectedVersion: try TicketController.ifMatch(request), by: try context.requirePrincipal()
            )
            return try APIBody.response(user, headers: [.eTag: TicketController.etag(user.version)])
        }
        api.get("roles") { _, context -> Response in
            let roles = try await services.users.roles(by: try context.requirePrincipal())
            return try APIBody.response(ItemList(items: roles.map(RoleBody.init)))
        }
        api.post("roles") { request, context -> Response in
            let input = try await APIBody.decode(RoleInput.self, from: request)
            return try APIBody.response(RoleBody(try await services.users.createRole(input, by: try context.requirePrincipal())), status: .created)
        }
        api.put("roles/:id") { request, context -> Response in
            let input = try await APIBody.decode(RoleInput.self, from: request)
            let role = try await services.users.updateRole(
                try context.id(), input, expectedVersion: try TicketController.ifMatch(request), by: try context.requirePrincipal()
            )
            return try APIBody.response(RoleBody(role), headers: [.eTag: TicketController.etag(role.version)])
        }

        api.get("contacts") { request, context -> Response in
            try APIBody.response(try await services.people.contacts(
                after: try request.queryInt("after").map(Int64.init), limit: try request.queryInt("limit") ?? 100, prefix: request.query("prefix"),
                organisationID: try request.queryInt("organisationId").map(Int64.init), fields: request.fieldConditions(),
                by: try context.requirePrincipal()
            ))
        }
        api.get("customers") { request, context -> Response in
            try APIBody.response(try await services.people.customers(
                matching: request.query("q"), after: try request.queryInt("after").map(Int64.init), limit: try request.queryInt("limit") ?? 20,
                by: try context.requirePrincipal()
            ))
        }
        api.post("contacts") { request, context -> Response in
            let input = try await APIBody.decode(ContactInput.self, from: request)
            return try APIBody.response(try await services.people.saveContact(nil, input, by: try context.requirePrincipal()), status: .created)
        }
        api.get("contacts/:id") { _, context -> Response in
            try APIBody.response(try await services.people.contact(try context.id(), by: try context.requirePrincipal()))
        }
        api.put("contacts/:id") { request, context -> Response in
            let input = try await APIBody.decode(ContactInput.self, from: request)
            return try APIBody.response(try await services.people.saveContact(try context.id(), input, by: try context.requirePrincipal()))
        }
        api.get("organisations") { request, context -> Response in
            try APIBody.response(try await services.people.organisations(
                after: try request.queryInt("after").map(Int64.init), limit: try request.queryInt("limit") ?? 100,
                fields: request.fieldConditions(), by: try context.requirePrincipal()
            ))
        }
        api.post("organisations") { request, context -> Response in
            let input = try await APIBody.decode(OrganisationInput.self, from: request)
            return try APIBody.response(try await services.people.saveOrganisation(nil, input, by: try context.requirePrincipal()), status: .created)
        }
        api.get("organisations/:id") { _, context -> Response in
            try APIBody.response(try await services.people.organisation(try context.id(), by: try context.requirePrincipal()))
        }
        api.put("organisations/:id") { request, context -> Response in
            let input = try await APIBody.decode(OrganisationInput.self, from: request)
            return try APIBody.response(try await services.people.saveOrganisation(try context.id(), input, by: try context.requirePrincipal()))
        }

        api.get("fields") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let object = try request.query("object").map { text in
                guard let object = FieldObject(rawValue: text) else { throw DomainError.invalid(FieldIssue(field: "object", .unknownReference(reference: text))) }
                return object
            }
            return try APIBody.response(ItemList(items: try await services.fields.definitions(for: object, visibleTo: principal)))
        }
        api.post("fields") { request, context -> Response in
            let definition = try await APIBody.decode(FieldDefinition.self, from: request)
            let defined = try await services.fields.define(definition, by: try context.requirePrincipal())
            return try APIBody.response(Versioned(defined, version: Versioned<FieldDefinition>.first), status: .created)
        }
        api.get("fields/:name") { _, context -> Response in
            try APIBody.response(try await services.fields.definition(named: context.parameters.get("name") ?? "", visibleTo: try context.requirePrincipal()))
        }
        api.patch("fields/:name") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let name = context.parameters.get("name") ?? ""
            let expectedVersion = try TicketController.ifMatch(request)
            let change = try await APIBody.decode(FieldChange.self, from: request)
            guard var definition = try await services.fields.definitions(for: nil).first(where: { $0.name == name }) else {
                throw DomainError.notFound("No field '\(name)'.")
            }
            if let label = change.label { definition.label = label }
            if let required = change.required { definition.isRequired = required }
            if let regex = change.regex { definition.regex = regex.isEmpty ? nil : regex }
            if let options = change.options { definition.options = options }
            if let visible = change.customerVisible { definition.customerVisible = visible }
            if let minimum = change.minimum { definition.minimum = minimum }
            if let maximum = change.maximum { definition.maximum = maximum }
            return try APIBody.response(try await services.fields.redefine(name: name, as: definition, expectedVersion: expectedVersion, by: principal))
        }
    }
}

/// A role in API form: rights as names per queue id, and the role-wide rights.
struct RoleBody: Encodable {
    var id: Int64
    var name: String
    var comment: String?
    var queues: [String: [String]]
    var rights: [String]
    var version: Int64

    init(_ role: Role) {
        id = role.id
        name = role.name
        comment = role.comment
        queues = Dictionary(uniqueKeysWithValues: role.queueRights.map { (String($0.key), $0.value.names) })
        rights = role.rights.names
        version = role.version
    }
}
