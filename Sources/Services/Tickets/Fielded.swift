import Domain

/// An object with its dynamic field values, encoded as the object's own keys plus `fields`.
public struct Fielded<Value: Encodable & Sendable>: Encodable, Sendable {
    public var value: Value
    /// Field values by field name (customers get only customer-visible fields).
    public var fields: [String: FieldValue]

    public init(_ value: Value, fields: [String: FieldValue]) {
        self.value = value
        self.fields = fields
    }

    private enum Key: String, CodingKey { case fields }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(fields, forKey: .fields)
    }
}
