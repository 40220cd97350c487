import Foundation

/// A configuration item: a device, a piece of software, a room. Its class-specific attributes live in `attributes`,
/// checked against the class definition version `classVersion`.
public struct ConfigItem: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// `CI` and seven digits, unique, handed out from a database counter.
    public var number: String
    public var name: String
    public var classID: Int64
    public var classVersion: Int64
    public var deploymentState: DeploymentState
    public var incidentState: IncidentState
    public var ownerContactID: Int64?
    public var ownerOrganisationID: Int64?
    /// The item (a site, building or room) this one stands in.
    public var locationID: Int64?
    public var attributes: CIAttributes
    /// Counts the item's versions, from 1; a write that changes nothing keeps it.
    public var version: Int64
    public var createdAt: Date
    public var changedAt: Date

    public init(
        id: Int64, number: String, name: String, classID: Int64, classVersion: Int64, deploymentState: DeploymentState,
        incidentState: IncidentState, ownerContactID: Int64?, ownerOrganisationID: Int64?, locationID: Int64?,
        attributes: CIAttributes, version: Int64, createdAt: Date, changedAt: Date
    ) {
        self.id = id
        self.number = number
        self.name = name
        self.classID = classID
        self.classVersion = classVersion
        self.deploymentState = deploymentState
        self.incidentState = incidentState
        self.ownerContactID = ownerContactID
        self.ownerOrganisationID = ownerOrganisationID
        self.locationID = locationID
        self.attributes = attributes
        self.version = version
        self.createdAt = createdAt
        self.changedAt = changedAt
    }

    /// The number for counter value `counter`: `CI0000042`.
    public static func number(_ counter: Int64) -> String {
        let digits = String(counter)
        return "CI" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The attribute-level differences from `old` as (field, old text, new text), in a stable order: the item's own
    /// fields first, then attributes by key. Empty when nothing changed.
    public func changes(from old: ConfigItem) -> [(field: String, old: String?, new: String?)] {
        var changes: [(String, String?, String?)] = []
        func compare(_ field: String, _ before: String?, _ after: String?) {
            if before != after { changes.append((field, before, after)) }
        }
        compare("name", old.name, name)
        compare("classVersion", String(old.classVersion), String(classVersion))
        compare("deploymentState", old.deploymentState.rawValue, deploymentState.rawValue)
        compare("incidentState", old.incidentState.rawValue, incidentState.rawValue)
        compare("ownerContactId", old.ownerContactID.map(String.init), ownerContactID.map(String.init))
        compare("ownerOrganisationId", old.ownerOrganisationID.map(String.init), ownerOrganisationID.map(String.init))
        compare("locationId", old.locationID.map(String.init), locationID.map(String.init))
        for key in Set(old.attributes.keys).union(attributes.keys).sorted() {
            compare("attr." + key, old.attributes[key]?.displayText, attributes[key]?.displayText)
        }
        return changes
    }
}

/// One stored version of an item: what it looked like after a change.
public struct ConfigItemVersion: Sendable, Codable, Equatable {
    public var version: Int64
    public var classVersion: Int64
    public var name: String
    public var deploymentState: DeploymentState
    public var incidentState: IncidentState
    public var attributes: CIAttributes
    public var createdAt: Date
    public var createdBy: Int64?

    public init(
        version: Int64, classVersion: Int64, name: String, deploymentState: DeploymentState, incidentState: IncidentState,
        attributes: CIAttributes, createdAt: Date, createdBy: Int64?
    ) {
        self.version = version
        self.classVersion = classVersion
        self.name = name
        self.deploymentState = deploymentState
        self.incidentState = incidentState
        self.attributes = attributes
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
