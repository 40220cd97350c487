/// A requested change to an optional attribute: set it to a value, or clear it (JSON `null`).
/// An attribute absent from the request is represented by `nil` of `Change?`.
public enum Change<Value: Sendable & Decodable>: Sendable {
    case set(Value)
    case clear

    /// The new value: the set value, or nil when cleared.
    public var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}

extension KeyedDecodingContainer {
    /// Decodes a key into a `Change`: absent → nil, `null` → `.clear`, a value → `.set`.
    func decodeChange<Value: Sendable & Decodable>(_ type: Value.Type, forKey key: Key) throws -> Change<Value>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(Value.self, forKey: key))
    }
}
