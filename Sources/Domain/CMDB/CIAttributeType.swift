/// The kind of value a configuration-item attribute holds, which decides how input is checked, stored and indexed.
public enum CIAttributeType: String, Sendable, Codable, CaseIterable {
    /// One line of text.
    case text
    /// A finite number.
    case number
    /// A calendar day, `YYYY-MM-DD` (warranty end, next maintenance).
    case date
    /// One of the attribute's options.
    case select
    /// Any number of distinct options.
    case multiselect
    /// Yes or no.
    case boolean
    /// The id of a contact.
    case contactReference
    /// The id of an organisation.
    case organisationReference
    /// The id of a user.
    case userReference
    /// The id of another configuration item, optionally of one class (`referenceClass`).
    case itemReference
    /// An IPv4 or IPv6 address, stored in its canonical form.
    case ipAddress
    /// A MAC address, stored as `aa:bb:cc:dd:ee:ff`.
    case macAddress
    /// A manufacturer's serial number: letters, digits and `-./`, stored in capitals.
    case serialNumber

    /// Whether attributes of this type list options.
    public var takesOptions: Bool { self == .select || self == .multiselect }

    /// Whether attributes of this type may restrict values with a pattern.
    var takesPattern: Bool { self == .text || self == .serialNumber }

    /// Whether values of this type are ids of other records.
    public var isReference: Bool {
        self == .contactReference || self == .organisationReference || self == .userReference || self == .itemReference
    }

    /// Whether values are numbers in storage (compared numerically in ranges).
    public var isNumeric: Bool { self == .number || isReference }

    /// Whether a value's words belong in the item's full-text document.
    public var isSearchText: Bool {
        switch self {
        case .text, .select, .multiselect, .ipAddress, .macAddress, .serialNumber: true
        case .number, .date, .boolean, .contactReference, .organisationReference, .userReference, .itemReference: false
        }
    }
}
