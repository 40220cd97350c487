import Foundation

/// A person tickets are about or come from; may have several mail addresses and phones.
public struct Contact: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var firstName: String
    public var lastName: String
    /// All mail addresses, lowercased; the first is the primary one.
    public var emails: [String]
    public var phones: [String]
    public var organisationID: Int64?
    public var isActive: Bool
    public var createdAt: Date

    public init(
        id: Int64, firstName: String, lastName: String, emails: [String], phones: [String] = [],
        organisationID: Int64? = nil, isActive: Bool = true, createdAt: Date
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.emails = emails
        self.phones = phones
        self.organisationID = organisationID
        self.isActive = isActive
        self.createdAt = createdAt
    }
}
