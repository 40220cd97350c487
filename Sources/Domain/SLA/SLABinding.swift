/// Which SLA applies to the tickets of a service or a queue — optionally only to one ticket type and/or
/// priority — or, as the default, to all tickets. `SLAAssignment` picks among bindings.
///
/// Encodes flat: `{"scope": "service", "scopeID": 7, "priorityID": 3, "slaID": 2}` (`scope` is `service`,
/// `queue` or `default`; `scopeID` is absent for `default`, `typeID` and `priorityID` when nil).
public struct SLABinding: Sendable, Hashable, Codable {
    /// What the binding is attached to.
    public enum Scope: Sendable, Hashable {
        case service(Int64)
        case queue(Int64)
        /// Every ticket that no service or queue binding covers.
        case `default`
    }

    public var scope: Scope
    /// Only tickets of this type; nil: any type.
    public var typeID: Int64?
    /// Only tickets of this priority; nil: any priority.
    public var priorityID: Int64?
    public var slaID: Int64

    public init(scope: Scope, typeID: Int64? = nil, priorityID: Int64? = nil, slaID: Int64) {
        self.scope = scope
        self.typeID = typeID
        self.priorityID = priorityID
        self.slaID = slaID
    }

    private enum CodingKeys: String, CodingKey {
        case scope, scopeID, typeID, priorityID, slaID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .scope) {
        case "service": scope = .service(try container.decode(Int64.self, forKey: .scopeID))
        case "queue": scope = .queue(try container.decode(Int64.self, forKey: .scopeID))
        case "default": scope = .default
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .scope, in: container,
                debugDescription: "Unknown scope \(other); expected service, queue or default."
            )
        }
        typeID = try container.decodeIfPresent(Int64.self, forKey: .typeID)
        priorityID = try container.decodeIfPresent(Int64.self, forKey: .priorityID)
        slaID = try container.decode(Int64.self, forKey: .slaID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch scope {
        case .service(let id):
            try container.encode("service", forKey: .scope)
            try container.encode(id, forKey: .scopeID)
        case .queue(let id):
            try container.encode("queue", forKey: .scope)
            try container.encode(id, forKey: .scopeID)
        case .default:
            try container.encode("default", forKey: .scope)
        }
        try container.encodeIfPresent(typeID, forKey: .typeID)
        try container.encodeIfPresent(priorityID, forKey: .priorityID)
        try container.encode(slaID, forKey: .slaID)
    }
}
