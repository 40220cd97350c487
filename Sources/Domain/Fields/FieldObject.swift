/// The kind of record a dynamic field belongs to.
public enum FieldObject: String, Sendable, Codable, CaseIterable {
    case ticket
    case article
    case contact
    case organisation
    case configItem
}
