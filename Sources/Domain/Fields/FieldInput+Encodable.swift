extension FieldInput: Encodable {
    /// Encodes the value as the JSON it was read from.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .array(let items): try container.encode(items)
        }
    }

    /// The value as the words a condition compares: strings as they are, numbers without a needless `.0`,
    /// booleans as `true`/`false`, arrays item by item.
    public var conditionWords: [String] {
        switch self {
        case .null: []
        case .string(let text): [text]
        case .number(let number): [number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)]
        case .bool(let flag): [flag ? "true" : "false"]
        case .array(let items): items.flatMap(\.conditionWords)
        }
    }
}
