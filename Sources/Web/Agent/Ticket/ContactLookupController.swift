import Domain
import Hummingbird
import Services

/// `GET /agent/lookup/contacts?q=…`: contacts whose name or address starts with the text, as `[{value, label}]`
/// for the `data-lookup` datalists (value: the mail address, label: name and organisation); `GET /agent/lookup/customers`:
/// the customers `GET /api/v1/customers` finds (by name, address or login), with the contact id as value (the CMDB's
/// owner picker).
struct ContactLookupController {
    let services: WebServices

    /// One suggestion of a lookup.
    struct Suggestion: Encodable {
        var value: String
        var label: String
    }

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("lookup/contacts") { request, context -> Response in
            let principal = try context.requireAgent()
            let term = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            guard term.count >= 2 else { return try APIBody.response([Suggestion]()) }
            let contacts = try await services.people.contacts(after: nil, limit: 10, prefix: term, organisationID: nil, by: principal).items
                .map(\.value).filter { $0.isActive && !$0.emails.isEmpty }
            let names = try await services.people.displayNames(
                contacts: [], organisations: Set(contacts.compactMap(\.organisationID)), users: [], by: principal)
            return try APIBody.response(contacts.map { contact in
                let name = [contact.firstName, contact.lastName].filter { !$0.isEmpty }.joined(separator: " ")
                let organisation = contact.organisationID.flatMap { names.organisations[$0] }
                return Suggestion(value: contact.emails[0], label: ([name.isEmpty ? contact.emails[0] : name] + [organisation].compactMap { $0 }).joined(separator: " · "))
            })
        }
        agent.get("lookup/customers") { request, context -> Response in
            let principal = try context.requireAgent()
            let term = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            guard term.count >= 2 else { return try APIBody.response([Suggestion]()) }
            let customers = try await services.people.customers(matching: term, after: nil, limit: 10, by: principal).items
            return try APIBody.response(customers.map { customer in
                Suggestion(value: String(customer.id), label: ([customer.name] + [customer.email, customer.login].compactMap { $0 }).joined(separator: " · "))
            })
        }
    }
}
