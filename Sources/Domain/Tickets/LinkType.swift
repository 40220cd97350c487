/// The kind of a link between two tickets, or between a ticket and a config item.
///
/// `parentChild` and `dependsOn` are directed (source → target); the others read the same both ways.
public enum LinkType: String, Sendable, Codable, CaseIterable {
    case parentChild
    case relates
    case duplicates
    case dependsOn
    case affects
}

/// The kind of object at either end of a link.
public enum LinkObject: String, Sendable, Codable, CaseIterable {
    case ticket
    case configItem
}
