import Domain
import Foundation
import SQLKit
import Store

/// A relation as callers see it, with the item at its other end.
public struct CIRelationView: Sendable, Encodable, Equatable {
    public var id: Int64
    public var type: CIRelationType
    public var sourceId: Int64
    public var targetId: Int64
    /// The item at the other end from the one asked about.
    public var other: ConfigItemView.ItemReference
    public var createdAt: Date
}

/// An item's neighbourhood: the items within some relation steps and the relations between them.
public struct CIGraph: Sendable, Encodable, Equatable {
    /// An item in the graph with the relation steps it lies from the centre.
    public struct Node: Sendable, Encodable, Equatable {
        public var id: Int64
        public var number: String
        public var name: String
        public var classId: Int64
        public var deploymentState: DeploymentState
        public var incidentState: IncidentState
        public var depth: Int
    }

    /// A relation in the graph.
    public struct Edge: Sendable, Encodable, Equatable {
        public var id: Int64
        public var type: CIRelationType
        public var sourceId: Int64
        public var targetId: Int64
    }

    public var nodes: [Node]
    public var edges: [Edge]
}

extension ConfigItemService {
    /// The deepest graph `graph` walks.
    public static let maximumGraphDepth = 5

    /// Relates item `id` (source) to `targetID` by `type`. A relation that would close a cycle where the type forbids
    /// one is refused; an existing one is returned as it is.
    public func relate(_ id: Int64, type: CIRelationType, to targetID: Int64, by principal: Principal) async throws -> CIRelationView {
        try AccessPolicy.requireCMDBWriter(principal)
        guard id != targetID else { throw DomainError.invalid(FieldIssue(field: "targetId", .selfReference)) }
        let now = context.now()
        return try await context.database.transaction { db in
            let items = ConfigItemRepository(db, dialect: dialect)
            guard try await items.find(id) != nil else { throw DomainError.notFound("No configuration item \(id).") }
            guard let target = try await items.find(targetID) else { throw DomainError.invalid(FieldIssue(field: "targetId", .unknownReference(reference: String(targetID)))) }
            let relations = CIRelationRepository(db)
            if !type.allowsCycles, try await relations.reaches(from: targetID, to: id, type: type) {
                throw DomainError.invalid(FieldIssue(field: "targetId", .selfReference, detail: "\(target.number) already leads back to this item by '\(type.rawValue)'; the relation would close a cycle."))
            }
            let relation = try await relations.insert(CIRelation(id: 0, type: type, sourceID: id, targetID: targetID, createdAt: now, createdBy: principal.actorID))
            try await CIHistoryRepository(db).append(itemID: id, actorID: principal.actorID, field: "relation", old: nil, new: "\(type.rawValue) \(target.number)", at: now)
            try await EventRepository(db).append(type: EventType.cmdbRelationCreated, ticketID: nil, actorID: principal.actorID, payload: EventPayload.json([
                "relationId": String(relation.id), "type": type.rawValue, "sourceId": String(id), "targetId": String(targetID),
            ]), at: now)
            return CIRelationView(relation, other: target)
        }
    }

    /// Removes a relation of the item (either end).
    public func unrelate(_ id: Int64, relationID: Int64, by principal: Principal) async throws {
        try AccessPolicy.requireCMDBWriter(principal)
        let now = context.now()
        try await context.database.transaction { db in
            guard let relation = try await CIRelationRepository(db).relations(of: [id]).first(where: { $0.id == relationID }) else {
                throw DomainError.notFound("No relation \(relationID) on this item.")
            }
            try await CIRelationRepository(db).delete(relationID)
            try await CIHistoryRepository(db).append(itemID: relation.sourceID, actorID: principal.actorID, field: "relation",
                                                     old: "\(relation.type.rawValue) \(relation.targetID)", new: nil, at: now)
            try await EventRepository(db).append(type: EventType.cmdbRelationDeleted, ticketID: nil, actorID: principal.actorID,
                                                 payload: EventPayload.json(["relationId": String(relationID)]), at: now)
        }
    }

    /// The item's relations in both directions, each with the item at the other end; the item, its visibility and its
    /// relations come from one query.
    public func relations(of id: Int64, for principal: Principal) async throws -> [CIRelationView] {
        try AccessPolicy.requireCMDBReader(principal)
        let neighbourhood = try await context.database.read { db in try await CIRelationRepository(db).neighbourhood(of: id) }
        guard let neighbourhood,
              Self.canSee(ownerContactID: neighbourhood.ownerContactID, ownerOrganisationID: neighbourhood.ownerOrganisationID, principal)
        else { throw DomainError.notFound("No configuration item \(id).") }
        return neighbourhood.neighbours.map { neighbour in
            CIRelationView(neighbour.relation, other: .init(id: neighbour.otherID(from: id), number: neighbour.otherNumber, name: neighbour.otherName))
        }
    }

    /// The items within `depth` relation steps of item `id` (either direction) and the relations among them.
    public func graph(of id: Int64, depth: Int, for principal: Principal) async throws -> CIGraph {
        try AccessPolicy.requireCMDBReader(principal)
        guard (1...Self.maximumGraphDepth).contains(depth) else {
            throw DomainError.invalid(FieldIssue(field: "depth", .outOfRange(min: "1", max: String(Self.maximumGraphDepth))))
        }
        return try await context.database.read { db in
            let centre = try await requireVisible(id, for: principal, db: db)
            var depths: [Int64: Int] = [id: 0]
            var edges: [Int64: CIRelation] = [:]
            var frontier = [id]
            for step in 1...depth where !frontier.isEmpty {
                let relations = try await CIRelationRepository(db).relations(of: frontier)
                var next: [Int64] = []
                for relation in relations {
                    edges[relation.id] = relation
                    for end in [relation.sourceID, relation.targetID] where depths[end] == nil {
                        depths[end] = step
                        next.append(end)
                    }
                }
                frontier = next
            }
            let items = try await ConfigItemRepository(db, dialect: dialect).items(depths.keys.filter { $0 != id }.sorted()) + [centre]
            let nodes = items.map { item in
                CIGraph.Node(id: item.id, number: item.number, name: item.name, classId: item.classID, deploymentState: item.deploymentState,
                             incidentState: item.incidentState, depth: depths[item.id] ?? 0)
            }.sorted { ($0.depth, $0.id) < ($1.depth, $1.id) }
            let edgeList = edges.values.filter { depths[$0.sourceID] != nil && depths[$0.targetID] != nil }.sorted { $0.id < $1.id }
                .map { CIGraph.Edge(id: $0.id, type: $0.type, sourceId: $0.sourceID, targetId: $0.targetID) }
            return CIGraph(nodes: nodes, edges: edgeList)
        }
    }
}

extension CIRelationView {
    init(_ relation: CIRelation, other: ConfigItem) {
        self.init(relation, other: .init(id: other.id, number: other.number, name: other.name))
    }

    init(_ relation: CIRelation, other: ConfigItemView.ItemReference) {
        self.init(id: relation.id, type: relation.type, sourceId: relation.sourceID, targetId: relation.targetID, other: other,
                  createdAt: relation.createdAt)
    }
}
