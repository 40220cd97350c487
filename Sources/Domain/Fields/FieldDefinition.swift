import Foundation

/// An administrator-defined extra attribute ("dynamic field") of tickets, articles, contacts, organisations or
/// config items, with the rules its values must follow.
///
/// `validateDefinition()` checks the definition itself; `validate(_:)` checks a value against it.
public struct FieldDefinition: Sendable, Codable, Equatable {
    /// The longest label, in characters.
    public static let maximumLabelLength = 200
    /// The longest pattern, in characters.
    public static let maximumPatternLength = 1000

    public var id: Int64?
    /// The machine name used in the API, in search (`field.NAME:`) and in templates; see `isValidName(_:)`.
    public var name: String
    /// The name shown to people.
    public var label: String
    public var object: FieldObject
    public var type: FieldType
    /// Whether every write must supply a value; for a checkbox, that it must be ticked.
    public var isRequired: Bool
    /// A regular expression (ICU syntax) that the whole value must match; text and textarea only.
    public var regex: String?
    /// The choices, in display order; select and multiselect only, where at least one is needed.
    public var options: [String]
    /// Whether customers see the field in the portal and in customer-visible output.
    public var customerVisible: Bool
    /// The smallest allowed value; number only.
    public var minimum: Double?
    /// The largest allowed value; number only.
    public var maximum: Double?

    public init(
        id: Int64? = nil, name: String, label: String, object: FieldObject, type: FieldType,
        isRequired: Bool = false, regex: String? = nil, options: [String] = [], customerVisible: Bool = false,
        minimum: Double? = nil, maximum: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.label = label
        self.object = object
        self.type = type
        self.isRequired = isRequired
        self.regex = regex
        self.options = options
        self.customerVisible = customerVisible
        self.minimum = minimum
        self.maximum = maximum
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, label, object, type
        case isRequired = "required"
        case regex, options, customerVisible, minimum, maximum
    }

    /// Decodes a definition as admins submit it: `required`, `options` and `customerVisible` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decodeIfPresent(Int64.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            label: try container.decode(String.self, forKey: .label),
            object: try container.decode(FieldObject.self, forKey: .object),
            type: try container.decode(FieldType.self, forKey: .type),
            isRequired: try container.decodeIfPresent(Bool.self, forKey: .isRequired) ?? false,
            regex: try container.decodeIfPresent(String.self, forKey: .regex),
            options: try container.decodeIfPresent([String].self, forKey: .options) ?? [],
            customerVisible: try container.decodeIfPresent(Bool.self, forKey: .customerVisible) ?? false,
            minimum: try container.decodeIfPresent(Double.self, forKey: .minimum),
            maximum: try container.decodeIfPresent(Double.self, forKey: .maximum)
        )
    }

    /// Whether `name` is a valid machine name: 1 to 63 characters, a lowercase ASCII letter followed by
    /// lowercase ASCII letters, digits and underscores.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }

    /// Everything wrong with this definition; empty when it may be saved.
    public func validateDefinition() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        func report(_ field: String, _ code: FieldIssue.Code, detail: String? = nil) {
            issues.append(FieldIssue(field: field, code, detail: detail ?? code.englishText))
        }

        if !Self.isValidName(name) {
            report("name", .machineName(max: 63))
        }
        if label.allSatisfy(\.isWhitespace) {
            report("label", .required)
        } else if label.count > Self.maximumLabelLength {
            report("label", .tooLong(max: Self.maximumLabelLength))
        }

        if let regex {
            if !type.takesPattern {
                report("regex", .notAllowed)
            } else if regex.isEmpty {
                report("regex", .required)
            } else if regex.count > Self.maximumPatternLength {
                report("regex", .tooLong(max: Self.maximumPatternLength))
            } else if wholeValuePattern() == nil {
                report("regex", .invalidPattern)
            }
        }

        if type.takesOptions {
            if options.isEmpty {
                report("options", .required)
            }
            if options.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                report("options", .required)
            }
            var seen: Set<String> = []
            var repeated: Set<String> = []
            for option in options where !seen.insert(option).inserted && repeated.insert(option).inserted {
                report("options", .duplicate)
            }
        } else if !options.isEmpty {
            report("options", .notAllowed)
        }

        for (field, bound) in [("minimum", minimum), ("maximum", maximum)] {
            guard let bound else { continue }
            if !type.takesRange {
                report(field, .notAllowed)
            } else if !bound.isFinite {
                report(field, .invalidNumber, detail: "The \(field) must be a finite number.")
            }
        }
        if type.takesRange, let minimum, let maximum, minimum.isFinite, maximum.isFinite, minimum > maximum {
            report("maximum", .endBeforeStart, detail: "The maximum must not be less than the minimum.")
        }
        return issues
    }

    /// `regex` anchored to match the whole value, or nil without a pattern or if it does not compile.
    func wholeValuePattern() -> NSRegularExpression? {
        guard let regex else { return nil }
        return try? NSRegularExpression(pattern: "\\A(?:" + regex + ")\\z")
    }
}
