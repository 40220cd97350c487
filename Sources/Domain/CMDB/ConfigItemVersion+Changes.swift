/// One difference between two versions of an item: the field (`name`, `deploymentState`, `incidentState`,
/// `classVersion` or `attr.KEY`) and its text before and after (nil: no value).
public struct CIVersionChange: Sendable, Equatable {
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

extension ConfigItemVersion {
    /// What differs from `earlier`: the item's fields first, then attributes by key; empty when nothing does.
    public func changes(from earlier: ConfigItemVersion) -> [CIVersionChange] {
        let fields: [CIVersionChange] = [
            CIVersionChange(field: "name", old: earlier.name, new: name),
            CIVersionChange(field: "classVersion", old: String(earlier.classVersion), new: String(classVersion)),
            CIVersionChange(field: "deploymentState", old: earlier.deploymentState.rawValue, new: deploymentState.rawValue),
            CIVersionChange(field: "incidentState", old: earlier.incidentState.rawValue, new: incidentState.rawValue),
        ]
        let keys = Set(earlier.attributes.keys).union(attributes.keys).sorted()
        let values = keys.map { CIVersionChange(field: "attr." + $0, old: earlier.attributes[$0]?.displayText, new: attributes[$0]?.displayText) }
        return (fields + values).filter { $0.old != $0.new }
    }
}
