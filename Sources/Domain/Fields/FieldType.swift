/// The kind of value a dynamic field holds, which decides how input is checked and converted.
public enum FieldType: String, Sendable, Codable, CaseIterable {
    /// One line of text, at most 10,000 characters.
    case text
    /// Several lines of text, at most 100,000 characters.
    case textarea
    /// A finite number, optionally within a minimum and maximum.
    case number
    /// A calendar day, `YYYY-MM-DD`.
    case date
    /// An instant, RFC 3339 with an offset.
    case datetime
    /// One of the definition's options.
    case select
    /// Any number of distinct options.
    case multiselect
    /// Ticked or not.
    case checkbox
    /// The id of a contact.
    case contactReference
    /// The id of a user.
    case userReference
    /// The id of a configuration item.
    case configItemReference

    /// Whether definitions of this type list options.
    var takesOptions: Bool { self == .select || self == .multiselect }

    /// Whether definitions of this type may restrict values with a pattern.
    var takesPattern: Bool { self == .text || self == .textarea }

    /// Whether definitions of this type may set a minimum and maximum.
    var takesRange: Bool { self == .number }
}
