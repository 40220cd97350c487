import Domain
import Foundation

/// An item as callers see it: its fields, class name, state names, location path and attributes (customers see
/// only customer-visible ones).
public struct ConfigItemView: Sendable, Encodable, Equatable {
    /// A link to another item: enough to show and follow it.
    public struct ItemReference: Sendable, Encodable, Equatable {
        public var id: Int64
        public var number: String
        public var name: String
    }

    public var id: Int64
    public var number: String
    public var name: String
    public var classId: Int64
    public var `class`: String
    public var classVersion: Int64
    public var deploymentState: DeploymentState
    public var deploymentStateName: String
    public var functionality: DeploymentState.Functionality
    public var incidentState: IncidentState
    public var ownerContactId: Int64?
    public var ownerOrganisationId: Int64?
    public var locationId: Int64?
    /// The locations above the item, nearest first (room, building, site).
    public var locationPath: [ItemReference]?
    public var attributes: CIAttributes
    public var version: Int64
    public var createdAt: Date
    public var changedAt: Date

    init(_ item: ConfigItem, ciClass: CIClass?, customerView: Bool, locationPath: [ConfigItem]? = nil) {
        self.init(item, className: ciClass?.name ?? "", definition: ciClass?.definition, customerView: customerView, locationPath: locationPath)
    }

    /// The view of `item` of class `className`; a customer's view (`customerView`) holds only the attributes that
    /// `definition` marks customer-visible (none without a definition).
    init(_ item: ConfigItem, className: String, definition: CIClassDefinition?, customerView: Bool, locationPath: [ConfigItem]? = nil) {
        id = item.id
        number = item.number
        name = item.name
        classId = item.classID
        self.class = className
        classVersion = item.classVersion
        deploymentState = item.deploymentState
        deploymentStateName = item.deploymentState.germanName
        functionality = item.deploymentState.functionality
        incidentState = item.incidentState
        ownerContactId = item.ownerContactID
        ownerOrganisationId = item.ownerOrganisationID
        locationId = item.locationID
        self.locationPath = locationPath?.map { ItemReference(id: $0.id, number: $0.number, name: $0.name) }
        let visible = customerView ? Set(definition?.attributes.filter(\.customerVisible).map(\.key) ?? []) : nil
        attributes = visible.map { keys in item.attributes.filter { keys.contains($0.key) } } ?? item.attributes
        version = item.version
        createdAt = item.createdAt
        changedAt = item.changedAt
    }
}

/// A page of items and the cursor of the next page (nil on the last page).
public struct ConfigItemPage: Sendable, Encodable {
    public var items: [ConfigItemView]
    public var next: String?
}
