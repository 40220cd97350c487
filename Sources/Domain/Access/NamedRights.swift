/// A set of rights that the API, the database and the admin pages name by fixed strings.
public protocol NamedRights: OptionSet, Sendable where Element == Self {
    /// The names, in the order the API lists and the admin pages show them.
    static var names: [(String, Self)] { get }
}

extension NamedRights {
    /// Parses right names; `nil` when a name is unknown.
    public init?(names: [String]) {
        self.init()
        for name in names {
            guard let right = Self.names.first(where: { $0.0 == name })?.1 else { return nil }
            insert(right)
        }
    }

    /// The names of the rights in this set.
    public var names: [String] { Self.names.filter { contains($0.1) }.map(\.0) }
}
