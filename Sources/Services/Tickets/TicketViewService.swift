import Domain
import Foundation
import Store

/// A saved ticket list as callers see it.
public struct TicketViewInfo: Sendable, Encodable, Equatable {
    public var id: Int64
    public var name: String
    public var filter: TicketFilter
    /// Whether every agent sees the view (otherwise only its owner).
    public var shared: Bool
    public var ownerId: Int64
    /// Whether the caller owns the view (and may delete it).
    public var mine: Bool
    public var createdAt: Date
}

/// A saved ticket list as an agent names and defines it.
public struct TicketViewInput: Sendable, Decodable {
    public var name: String
    public var filter: TicketFilter
    public var shared: Bool?

    public init(name: String, filter: TicketFilter, shared: Bool?) {
        self.name = name
        self.filter = filter
        self.shared = shared
    }
}

/// Saved ticket lists ("views"): each agent keeps their own and may share one with every agent. Running a view
/// is a ticket list with its filter, so it shows only what the caller may see.
public struct TicketViewService: Sendable {
    let context: ServiceContext
    let tickets: TicketService

    public init(context: ServiceContext, tickets: TicketService) {
        self.context = context
        self.tickets = tickets
    }

    /// The caller's own views and the shared ones, by name.
    public func views(for principal: Principal) async throws -> [TicketViewInfo] {
        try AccessPolicy.requireAgent(principal)
        let stored = try await context.database.read { db in try await TicketViewRepository(db).visible(to: principal.userID) }
        return stored.map { Self.info($0, for: principal) }
    }

    /// Saves a view after checking that its filter makes a valid list.
    public func save(_ input: TicketViewInput, by principal: Principal) async throws -> TicketViewInfo {
        try AccessPolicy.requireAgent(principal)
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw DomainError.invalid(FieldIssue(field: "name", .length(min: 1, max: 200))) }
        _ = try await tickets.list(input.filter.listRequest(limit: 1), for: principal)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let filter = String(decoding: try encoder.encode(input.filter), as: UTF8.self)
        guard filter.utf8.count <= 8_000 else { throw DomainError.invalid(FieldIssue(field: "filter", .tooLong(max: 8_000), detail: "The filter is too long.")) }
        let view = StoredTicketView(id: 0, userID: principal.userID, name: name, filter: filter, isShared: input.shared ?? false, createdAt: context.now())
        let stored = try await context.database.transaction { db in
            let repository = TicketViewRepository(db)
            if try await repository.exists(name: name, userID: principal.userID) {
                throw DomainError.conflict("You have a view named '\(name)' already.")
            }
            return try await repository.insert(view)
        }
        return Self.info(stored, for: principal)
    }

    /// Deletes a view: its owner, or an administrator.
    public func delete(_ id: Int64, by principal: Principal) async throws {
        try AccessPolicy.requireAgent(principal)
        try await context.database.transaction { db in
            let repository = TicketViewRepository(db)
            guard let view = try await repository.find(id), view.userID == principal.userID || view.isShared else {
                throw DomainError.notFound("No view \(id).")
            }
            guard view.userID == principal.userID || principal.isAdmin else {
                throw DomainError.forbidden("Only its owner or an administrator deletes a shared view.")
            }
            try await repository.delete(id)
        }
    }

    /// One view the caller may use.
    public func view(_ id: Int64, for principal: Principal) async throws -> TicketViewInfo {
        try AccessPolicy.requireAgent(principal)
        guard let stored = try await context.database.read({ db in try await TicketViewRepository(db).find(id) }),
              stored.userID == principal.userID || stored.isShared else {
            throw DomainError.notFound("No view \(id).")
        }
        return Self.info(stored, for: principal)
    }

    private static func info(_ stored: StoredTicketView, for principal: Principal) -> TicketViewInfo {
        let filter = (try? JSONDecoder().decode(TicketFilter.self, from: Data(stored.filter.utf8))) ?? TicketFilter()
        return TicketViewInfo(
            id: stored.id, name: stored.name, filter: filter, shared: stored.isShared, ownerId: stored.userID,
            mine: stored.userID == principal.userID, createdAt: stored.createdAt
        )
    }
}
