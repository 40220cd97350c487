/// One attribute of a configuration-item class: its key, labels, type and rules.
public struct CIAttribute: Sendable, Codable, Equatable {
    /// The longest key, in characters (index names are built from it).
    public static let maximumKeyLength = 40

    /// The machine name used in the API, in filters (`attr.KEY`) and in import headers.
    public var key: String
    /// The German label, shown to people and accepted as an import header.
    public var label: String
    /// The English label, also accepted as an import header.
    public var labelEN: String?
    public var type: CIAttributeType
    /// The section of the item view the attribute appears in; one of the class's sections.
    public var section: String?
    public var isRequired: Bool
    /// Whether no two items of the class may share a value (inventory number, serial number).
    public var isUnique: Bool
    /// A regular expression the whole value must match (text and serial number only).
    public var regex: String?
    public var options: [String]
    /// Whether customers see the attribute (in the portal, on their own items).
    public var customerVisible: Bool
    /// For item references: the name of the class the referenced item must belong to (nil: any class).
    public var referenceClass: String?
    /// Whether the attribute is one of the class's key attributes: item lists show it as a column and tickets show it
    /// next to the items they affect.
    public var isKey: Bool

    public init(
        key: String, label: String, labelEN: String? = nil, type: CIAttributeType, section: String? = nil,
        isRequired: Bool = false, isUnique: Bool = false, regex: String? = nil, options: [String] = [],
        customerVisible: Bool = false, referenceClass: String? = nil, isKey: Bool = false
    ) {
        self.key = key
        self.label = label
        self.labelEN = labelEN
        self.type = type
        self.section = section
        self.isRequired = isRequired
        self.isUnique = isUnique
        self.regex = regex
        self.options = options
        self.customerVisible = customerVisible
        self.referenceClass = referenceClass
        self.isKey = isKey
    }

    private enum CodingKeys: String, CodingKey {
        case key, label, labelEN, type, section
        case isRequired = "required"
        case isUnique = "unique"
        case regex, options, customerVisible, referenceClass
        case isKey = "keyAttribute"
    }

    /// Decodes an attribute as admins submit it: flags and options may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try container.decode(String.self, forKey: .key),
            label: try container.decode(String.self, forKey: .label),
            labelEN: try container.decodeIfPresent(String.self, forKey: .labelEN),
            type: try container.decode(CIAttributeType.self, forKey: .type),
            section: try container.decodeIfPresent(String.self, forKey: .section),
            isRequired: try container.decodeIfPresent(Bool.self, forKey: .isRequired) ?? false,
            isUnique: try container.decodeIfPresent(Bool.self, forKey: .isUnique) ?? false,
            regex: try container.decodeIfPresent(String.self, forKey: .regex),
            options: try container.decodeIfPresent([String].self, forKey: .options) ?? [],
            customerVisible: try container.decodeIfPresent(Bool.self, forKey: .customerVisible) ?? false,
            referenceClass: try container.decodeIfPresent(String.self, forKey: .referenceClass),
            isKey: try container.decodeIfPresent(Bool.self, forKey: .isKey) ?? false
        )
    }

    /// The dynamic-field definition that checks text, number, date and option values the same way ticket fields are
    /// checked; the other types have rules of their own.
    var fieldDefinition: FieldDefinition {
        let fieldType: FieldType = switch type {
        case .number: .number
        case .date: .date
        case .select: .select
        case .multiselect: .multiselect
        case .text, .serialNumber, .ipAddress, .macAddress, .boolean, .contactReference, .organisationReference,
             .userReference, .itemReference: .text
        }
        return FieldDefinition(
            name: key, label: label, object: .configItem, type: fieldType, isRequired: isRequired,
            regex: type == .text ? regex : nil, options: options, customerVisible: customerVisible
        )
    }

    /// Whether `header` names this attribute: its key or either label, in any case.
    public func isNamed(_ header: String) -> Bool {
        let wanted = header.trimmingCharacters(in: .whitespaces).lowercased()
        return [key, label, labelEN].contains { $0?.lowercased() == wanted }
    }
}
