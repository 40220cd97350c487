/// A dynamic field's value as it arrives from JSON or a form, before `FieldDefinition.validate(_:)` checks
/// and converts it.
///
/// Decodes from any JSON value except an object.
public enum FieldInput: Sendable, Equatable, Decodable {
    case null
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([FieldInput])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([FieldInput].self) {
            self = .array(array)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "A field value must be null, a string, a number, a boolean or an array."
            )
        }
    }

    /// Whether this counts as no value: null, a string of white space only, or an array of such values.
    public var isEmpty: Bool {
        switch self {
        case .null: true
        case .string(let string): string.allSatisfy(\.isWhitespace)
        case .number, .bool: false
        case .array(let items): items.allSatisfy(\.isEmpty)
        }
    }
}
