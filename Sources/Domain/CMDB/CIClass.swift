import Foundation

/// A configuration-item class (Computer, Drucker, ...) with its current attribute schema.
///
/// Every change of the schema is a new `version`; items remember the version they were written with.
public struct CIClass: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// The German name, unique regardless of case.
    public var name: String
    public var nameEN: String?
    /// The number of the current definition, from 1.
    public var version: Int64
    public var definition: CIClassDefinition
    public var createdAt: Date
    public var changedAt: Date

    public init(id: Int64, name: String, nameEN: String?, version: Int64, definition: CIClassDefinition, createdAt: Date, changedAt: Date) {
        self.id = id
        self.name = name
        self.nameEN = nameEN
        self.version = version
        self.definition = definition
        self.createdAt = createdAt
        self.changedAt = changedAt
    }

    /// Whether `text` names this class, in German or English, in any case.
    public func isNamed(_ text: String) -> Bool {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        return name.lowercased() == wanted || nameEN?.lowercased() == wanted
    }
}

/// One stored version of a class's definition.
public struct CIClassVersion: Sendable, Codable, Equatable {
    public var classID: Int64
    public var version: Int64
    public var definition: CIClassDefinition
    public var createdAt: Date
    public var createdBy: Int64?

    public init(classID: Int64, version: Int64, definition: CIClassDefinition, createdAt: Date, createdBy: Int64?) {
        self.classID = classID
        self.version = version
        self.definition = definition
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
