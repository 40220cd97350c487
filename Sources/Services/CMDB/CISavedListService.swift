import Domain
import Foundation
import Store

/// A saved list as callers see it: its name and filters.
public struct CISavedListView: Sendable, Encodable, Equatable {
    public var id: Int64
    public var name: String
    public var filters: ConfigItemListRequest
    public var createdAt: Date
}

/// A saved list as an agent names and defines it.
public struct CISavedListInput: Sendable, Decodable {
    public var name: String
    public var filters: ConfigItemListRequest

    public init(name: String, filters: ConfigItemListRequest) {
        self.name = name
        self.filters = filters
    }
}

/// Saved item lists: agents save, read, run and delete them; running one is an item list with its filters.
public struct CISavedListService: Sendable {
    let context: ServiceContext
    let items: ConfigItemService

    public init(context: ServiceContext, items: ConfigItemService) {
        self.context = context
        self.items = items
    }

    public func lists(for principal: Principal) async throws -> [CISavedListView] {
        try AccessPolicy.requireCMDBReader(principal)
        return try await context.database.read { db in try await CISavedListRepository(db).all() }.map(Self.view)
    }

    /// Saves a list after checking that its filters make a valid query.
    public func save(_ input: CISavedListInput, by principal: Principal) async throws -> CISavedListView {
        try AccessPolicy.requireCMDBWriter(principal)
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw DomainError.invalid(field: "name", "A list name needs 1 to 200 characters.") }
        _ = try await items.query(for: input.filters, principal: principal)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let query = String(decoding: try encoder.encode(input.filters), as: UTF8.self)
        let now = context.now()
        return Self.view(try await context.database.transaction { db in
            let repository = CISavedListRepository(db)
            if try await repository.all().contains(where: { $0.name.lowercased() == name.lowercased() }) {
                throw DomainError.conflict("A list named '\(name)' exists already.")
            }
            return try await repository.insert(CISavedList(id: 0, name: name, query: query, createdBy: principal.actorID, createdAt: now))
        })
    }

    public func delete(_ id: Int64, by principal: Principal) async throws {
        try AccessPolicy.requireCMDBWriter(principal)
        try await context.database.transaction { db in
            guard try await CISavedListRepository(db).find(id) != nil else { throw DomainError.notFound("No saved list \(id).") }
            try await CISavedListRepository(db).delete(id)
        }
    }

    /// The saved list's filters, to run with a page position (`cursor`, `limit`) of the caller's.
    public func filters(of id: Int64, for principal: Principal) async throws -> ConfigItemListRequest {
        try AccessPolicy.requireCMDBReader(principal)
        guard let list = try await context.database.read({ db in try await CISavedListRepository(db).find(id) }) else {
            throw DomainError.notFound("No saved list \(id).")
        }
        return Self.view(list).filters
    }

    private static func view(_ list: CISavedList) -> CISavedListView {
        let filters = (try? JSONDecoder().decode(ConfigItemListRequest.self, from: Data(list.query.utf8))) ?? ConfigItemListRequest()
        return CISavedListView(id: list.id, name: list.name, filters: filters, createdAt: list.createdAt)
    }
}
