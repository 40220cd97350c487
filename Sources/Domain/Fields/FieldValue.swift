import Foundation

/// A checked, typed dynamic field value, as produced by `FieldDefinition.validate(_:)`.
///
/// Encodes as `{"type": "number", "value": 4.5}`, with `datetime` values as RFC 3339 text in UTC.
public enum FieldValue: Sendable, Equatable, Codable {
    /// The value of a text or textarea field.
    case text(String)
    /// A finite number.
    case number(Double)
    /// A calendar day as `YYYY-MM-DD`.
    case date(String)
    /// An instant, kept to the millisecond.
    case datetime(Date)
    /// The chosen option of a select field.
    case selection(String)
    /// The chosen options of a multiselect field, in the definition's option order.
    case selections([String])
    case checkbox(Bool)
    /// The id of the contact, user or config item referred to.
    case reference(Int64)

    /// The text to put into the full-text index: the text or the chosen options; nil for other values.
    public var searchText: String? {
        switch self {
        case .text(let text), .selection(let text): text
        case .selections(let options): options.joined(separator: " ")
        case .number, .date, .datetime, .checkbox, .reference: nil
        }
    }

    /// The value as compact JSON, the same for equal values: a string for text, options, dates and instants
    /// (`"2026-11-27T13:05:00Z"`, in UTC), a number for numbers (integers without a fraction) and references,
    /// `true` or `false`, or an array of strings. Read it back with `init(storageString:type:)`.
    public var storageString: String {
        switch self {
        case .text(let text), .selection(let text), .date(let text): JSONText.string(text)
        case .number(let number): Self.jsonNumber(number)
        case .datetime(let date): JSONText.string(InternetDateTime.format(date))
        case .selections(let options): "[" + options.map(JSONText.string).joined(separator: ",") + "]"
        case .checkbox(let isChecked): isChecked ? "true" : "false"
        case .reference(let id): String(id)
        }
    }

    /// The value `storageString` wrote for a field of `type`; nil if the text is not such a value.
    public init?(storageString: String, type: FieldType) {
        let data = Data(storageString.utf8)
        let decoder = JSONDecoder()
        switch type {
        case .text, .textarea:
            guard let text = try? decoder.decode(String.self, from: data) else { return nil }
            self = .text(text)
        case .number:
            guard let number = try? decoder.decode(Double.self, from: data), number.isFinite else { return nil }
            self = .number(number)
        case .date:
            guard let text = try? decoder.decode(String.self, from: data), GregorianDate(isoText: text) != nil else {
                return nil
            }
            self = .date(text)
        case .datetime:
            guard let text = try? decoder.decode(String.self, from: data), let date = InternetDateTime.parse(text) else {
                return nil
            }
            self = .datetime(date)
        case .select:
            guard let option = try? decoder.decode(String.self, from: data) else { return nil }
            self = .selection(option)
        case .multiselect:
            guard let options = try? decoder.decode([String].self, from: data) else { return nil }
            self = .selections(options)
        case .checkbox:
            guard let isChecked = try? decoder.decode(Bool.self, from: data) else { return nil }
            self = .checkbox(isChecked)
        case .contactReference, .userReference, .configItemReference:
            guard let id = try? decoder.decode(Int64.self, from: data) else { return nil }
            self = .reference(id)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, value
    }

    private enum Kind: String, Codable {
        case text, number, date, datetime, selection, selections, checkbox, reference
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .text:
            self = .text(try container.decode(String.self, forKey: .value))
        case .number:
            let number = try container.decode(Double.self, forKey: .value)
            guard number.isFinite else {
                throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "Not a finite number.")
            }
            self = .number(number)
        case .date:
            let text = try container.decode(String.self, forKey: .value)
            guard GregorianDate(isoText: text) != nil else {
                throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "Not a YYYY-MM-DD date.")
            }
            self = .date(text)
        case .datetime:
            guard let date = InternetDateTime.parse(try container.decode(String.self, forKey: .value)) else {
                throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "Not an RFC 3339 timestamp.")
            }
            self = .datetime(date)
        case .selection:
            self = .selection(try container.decode(String.self, forKey: .value))
        case .selections:
            self = .selections(try container.decode([String].self, forKey: .value))
        case .checkbox:
            self = .checkbox(try container.decode(Bool.self, forKey: .value))
        case .reference:
            self = .reference(try container.decode(Int64.self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .type)
            try container.encode(text, forKey: .value)
        case .number(let number):
            try container.encode(Kind.number, forKey: .type)
            try container.encode(number, forKey: .value)
        case .date(let text):
            try container.encode(Kind.date, forKey: .type)
            try container.encode(text, forKey: .value)
        case .datetime(let date):
            try container.encode(Kind.datetime, forKey: .type)
            try container.encode(InternetDateTime.format(date), forKey: .value)
        case .selection(let option):
            try container.encode(Kind.selection, forKey: .type)
            try container.encode(option, forKey: .value)
        case .selections(let options):
            try container.encode(Kind.selections, forKey: .type)
            try container.encode(options, forKey: .value)
        case .checkbox(let isChecked):
            try container.encode(Kind.checkbox, forKey: .type)
            try container.encode(isChecked, forKey: .value)
        case .reference(let id):
            try container.encode(Kind.reference, forKey: .type)
            try container.encode(id, forKey: .value)
        }
    }

    /// A finite `number` as a JSON number: integers up to 2^53 without a fraction, others in Swift's shortest
    /// round-tripping form.
    public static func jsonNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return number.description
    }
}
