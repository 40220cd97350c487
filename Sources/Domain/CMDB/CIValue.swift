import Foundation

/// A checked attribute value as stored in an item's attribute JSON: a plain JSON string, number, boolean or array
/// of strings, so that JSON expression indexes and `@>` containment can see it.
///
/// Text, dates (`YYYY-MM-DD`), options, addresses and serial numbers are strings; numbers and reference ids are
/// numbers; multiselect values are arrays in the attribute's option order.
public enum CIValue: Sendable, Equatable, Codable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number):
            if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .bool(let value): try container.encode(value)
        case .list(let items): try container.encode(items)
        }
    }

    /// The value as one line of text, as CSV export and history show it.
    public var displayText: String {
        switch self {
        case .text(let text): text
        case .number(let number): FieldValue.jsonNumber(number)
        case .bool(let value): value ? "true" : "false"
        case .list(let items): items.joined(separator: "; ")
        }
    }

    /// The value as the input that validates to it again (used when upgrading items to a new class version).
    public var input: FieldInput {
        switch self {
        case .text(let text): .string(text)
        case .number(let number): .number(number)
        case .bool(let value): .bool(value)
        case .list(let items): .array(items.map(FieldInput.string))
        }
    }
}

/// An item's attribute values by attribute key, encoded as a JSON object with sorted keys, the same for equal values.
public typealias CIAttributes = [String: CIValue]
