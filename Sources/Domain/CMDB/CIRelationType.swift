import Foundation

/// The kinds of relation between two configuration items, read "source TYPE target" (a VM *runs on* a host).
public enum CIRelationType: String, Sendable, Codable, CaseIterable {
    case dependsOn, runsOn, connectedTo, partOf, installedOn, locatedIn

    /// Whether a chain of relations of this type may lead back to where it started. Hierarchies (part of, located in,
    /// runs on, installed on) and dependencies may not; network connections may.
    public var allowsCycles: Bool { self == .connectedTo }

    /// Whether a failure of the target spreads to the source: what depends on, runs on or is installed on a failed
    /// item shows a warning.
    public var propagatesImpact: Bool { self == .dependsOn || self == .runsOn || self == .installedOn }
}

/// A typed relation between two items.
public struct CIRelation: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var type: CIRelationType
    public var sourceID: Int64
    public var targetID: Int64
    public var createdAt: Date
    public var createdBy: Int64?

    public init(id: Int64, type: CIRelationType, sourceID: Int64, targetID: Int64, createdAt: Date, createdBy: Int64?) {
        self.id = id
        self.type = type
        self.sourceID = sourceID
        self.targetID = targetID
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
