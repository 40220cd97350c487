import Domain
import Foundation

/// A class as callers see it: names, current version and definition.
public struct CIClassView: Sendable, Encodable, Equatable {
    public var id: Int64
    public var name: String
    public var nameEN: String?
    public var version: Int64
    public var sections: [String]
    public var attributes: [CIAttribute]
    public var createdAt: Date
    public var changedAt: Date

    init(_ ciClass: CIClass) {
        id = ciClass.id
        name = ciClass.name
        nameEN = ciClass.nameEN
        version = ciClass.version
        sections = ciClass.definition.sections
        attributes = ciClass.definition.attributes
        createdAt = ciClass.createdAt
        changedAt = ciClass.changedAt
    }
}

/// The result of upgrading a class's items to its current definition.
public struct CIUpgradeResult: Sendable, Encodable, Equatable {
    /// How many items moved to the current version.
    public var upgraded: Int
    public var version: Int64
}
