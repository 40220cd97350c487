import Domain
import Store

/// Names for the people a page of tickets refers to: requesters, organisations, owners and responsibles.
public struct DisplayNames: Sendable {
    public var contacts: [Int64: (name: String, email: String?)] = [:]
    public var organisations: [Int64: String] = [:]
    public var users: [Int64: String] = [:]

    public init() {}
}

extension PeopleService {
    /// The names behind the ids; agents only, since customers see people only through their own tickets.
    public func displayNames(contacts: Set<Int64>, organisations: Set<Int64>, users: Set<Int64>, by principal: Principal) async throws -> DisplayNames {
        guard principal.isAgent else { throw DomainError.forbidden("Only agents look up people.") }
        return try await context.database.read { db in
            let repository = DisplayNameRepository(db)
            var names = DisplayNames()
            names.contacts = try await repository.contacts(contacts)
            names.organisations = try await repository.organisations(organisations)
            names.users = try await repository.users(users)
            return names
        }
    }
}
