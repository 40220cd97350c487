/// Where an item stands in its life, as KIX and iTop count it; each state belongs to a functionality phase.
public enum DeploymentState: String, Sendable, Codable, CaseIterable, GermanNamed {
    case planned, ordered, inStock, production, maintenance, returned, retired

    /// Before, during or after productive use.
    public enum Functionality: String, Sendable, Codable {
        case preProductive, productive, postProductive
    }

    public var functionality: Functionality {
        switch self {
        case .planned, .ordered, .inStock: .preProductive
        case .production, .maintenance: .productive
        case .returned, .retired: .postProductive
        }
    }

    /// The German name, as the agents' lists show it.
    public var germanName: String {
        switch self {
        case .planned: "Planung"
        case .ordered: "Bestellt"
        case .inStock: "Lager"
        case .production: "Im Einsatz"
        case .maintenance: "Wartung"
        case .returned: "Rückgabe"
        case .retired: "Ausgemustert"
        }
    }
}

/// Whether an item works: set by agents, or raised by incident tickets that affect the item or what it depends on.
public enum IncidentState: String, Sendable, Codable, CaseIterable, GermanNamed {
    case operational, warning, incident

    public var germanName: String {
        switch self {
        case .operational: "Betriebsbereit"
        case .warning: "Warnung"
        case .incident: "Störung"
        }
    }
}

/// A state with an API name and a German name, either of which names it in imports and filters.
public protocol GermanNamed: RawRepresentable<String>, CaseIterable {
    var germanName: String { get }
}

extension GermanNamed {
    /// The state `text` names: its API name or German name, in any case.
    public init?(named text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let state = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted || $0.germanName.lowercased() == wanted }) else {
            return nil
        }
        self = state
    }
}
