import Domain
import Foundation

/// A class as an administrator defines or redefines it.
public struct CIClassInput: Sendable, Decodable {
    public var name: String
    public var nameEN: String?
    public var sections: [String]?
    public var attributes: [CIAttribute]

    public init(name: String, nameEN: String? = nil, sections: [String]? = nil, attributes: [CIAttribute]) {
        self.name = name
        self.nameEN = nameEN
        self.sections = sections
        self.attributes = attributes
    }

    var definition: CIClassDefinition { CIClassDefinition(sections: sections ?? [], attributes: attributes) }
}

/// A new configuration item. The class is named (German or English, any case) or given by id; states are named
/// by API or German name.
public struct NewConfigItem: Sendable, Decodable {
    public var `class`: String?
    public var classId: Int64?
    public var name: String
    public var deploymentState: String?
    public var incidentState: String?
    public var ownerContactId: Int64?
    public var ownerOrganisationId: Int64?
    public var locationId: Int64?
    public var attributes: [String: FieldInput]?

    public init(class className: String? = nil, classId: Int64? = nil, name: String, deploymentState: String? = nil,
                attributes: [String: FieldInput]? = nil) {
        self.class = className
        self.classId = classId
        self.name = name
        self.deploymentState = deploymentState
        self.attributes = attributes
    }
}

/// Changes to an item; absent keys stay, `null` clears optional ones; `attributes` lists only the attributes to
/// change (`null` clears one).
public struct ConfigItemChanges: Sendable, Decodable {
    public var name: String?
    public var deploymentState: String?
    public var incidentState: String?
    public var ownerContactId: Change<Int64>?
    public var ownerOrganisationId: Change<Int64>?
    public var locationId: Change<Int64>?
    public var attributes: [String: FieldInput]?

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case name, deploymentState, incidentState, ownerContactId, ownerOrganisationId, locationId, attributes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        deploymentState = try c.decodeIfPresent(String.self, forKey: .deploymentState)
        incidentState = try c.decodeIfPresent(String.self, forKey: .incidentState)
        ownerContactId = try c.decodeChange(Int64.self, forKey: .ownerContactId)
        ownerOrganisationId = try c.decodeChange(Int64.self, forKey: .ownerOrganisationId)
        locationId = try c.decodeChange(Int64.self, forKey: .locationId)
        attributes = try c.decodeIfPresent([String: FieldInput].self, forKey: .attributes)
    }
}
