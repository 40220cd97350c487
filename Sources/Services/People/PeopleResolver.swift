import Domain
import Foundation
import SQLKit
import Store

/// Finds or creates the people a ticket refers to, inside the caller's transaction.
struct PeopleResolver {
    let db: any SQLDatabase
    let now: Date

    /// The contact owning `address`; an unknown address becomes a new contact named `name` (else after the
    /// address's local part), placed in the organisation whose mail domains cover it.
    func contact(forAddress address: String, name: String? = nil) async throws -> Contact {
        let contacts = ContactRepository(db)
        if let existing = try await contacts.find(email: address) { return existing }
        let organisation = try await OrganisationRepository(db).find(coveringAddress: address)
        let local = address.split(separator: "@").first.map(String.init) ?? address
        let person = name.flatMap(PersonName.init(parsing:)) ?? PersonName(first: "", last: local)
        return try await contacts.insert(Contact(
            id: 0, firstName: person.first, lastName: person.last, emails: [address], organisationID: organisation?.id, createdAt: now
        ))
    }

    /// Throws a field issue unless every non-nil id names an active agent.
    func requireUsers(_ ids: [Int64?], field: String) async throws {
        let users = UserRepository(db)
        for id in ids.compactMap({ $0 }) {
            guard let user = try await users.find(id), user.isActive, user.isAgent else {
                throw DomainError.invalid(FieldIssue(field: field, .unknownReference(reference: String(id))))
            }
        }
    }
}
