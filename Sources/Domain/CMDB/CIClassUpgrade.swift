/// How items written with an older class version move to the current one: attributes to rename, and values for
/// attributes the new version requires that old items lack.
public struct CIClassUpgrade: Sendable, Decodable, Equatable {
    /// Old key → new key.
    public var renames: [String: String]
    /// Key → value given to items that have none.
    public var defaults: [String: FieldInput]

    public init(renames: [String: String] = [:], defaults: [String: FieldInput] = [:]) {
        self.renames = renames
        self.defaults = defaults
    }

    private enum CodingKeys: String, CodingKey { case renames, defaults }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        renames = try container.decodeIfPresent([String: String].self, forKey: .renames) ?? [:]
        defaults = try container.decodeIfPresent([String: FieldInput].self, forKey: .defaults) ?? [:]
    }

    /// Rule problems against the target definition: renames and defaults must name its attributes.
    public func validate(against definition: CIClassDefinition) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for (old, new) in renames.sorted(by: { $0.key < $1.key }) where definition.attribute(new) == nil {
            issues.append(FieldIssue(field: "renames.\(old)", .unknownReference(reference: new)))
        }
        for key in defaults.keys.sorted() where definition.attribute(key) == nil {
            issues.append(FieldIssue(field: "defaults.\(key)", .unknownReference(reference: key)))
        }
        return issues
    }

    /// The item's attribute inputs after renaming and filling defaults; attributes the definition no longer has are
    /// dropped. Validate the result against `definition` before storing it.
    public func apply(to attributes: CIAttributes, definition: CIClassDefinition) -> [String: FieldInput] {
        var inputs: [String: FieldInput] = [:]
        for (key, value) in attributes {
            let target = renames[key] ?? key
            if definition.attribute(target) != nil { inputs[target] = value.input }
        }
        for (key, value) in defaults where inputs[key]?.isEmpty ?? true {
            inputs[key] = value
        }
        return inputs
    }
}
