import Domain
import Foundation
import Store

extension ConfigItemService {
    /// How many items each class holds, by class id (classes without items are left out); for agents.
    public func countsByClass(for principal: Principal) async throws -> [Int64: Int] {
        try AccessPolicy.requireCMDBReader(principal)
        return try await context.database.read { db in try await ConfigItemRepository(db, dialect: dialect).countsByClass() }
    }

    /// Number and name of those of the items `ids` that exist, by id, read in one query: what a page needs to show
    /// item references by name. For agents.
    public func references(_ ids: Set<Int64>, for principal: Principal) async throws -> [Int64: ConfigItemView.ItemReference] {
        try AccessPolicy.requireCMDBReader(principal)
        guard !ids.isEmpty else { return [:] }
        let items = try await context.database.read { db in try await ConfigItemRepository(db, dialect: dialect).items(ids.sorted()) }
        return Dictionary(uniqueKeysWithValues: items.map { ($0.id, ConfigItemView.ItemReference(id: $0.id, number: $0.number, name: $0.name)) })
    }
}
