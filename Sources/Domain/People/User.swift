import Foundation

/// A person who signs in: an agent, a customer, or both.
public struct User: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var login: String
    public var email: String?
    public var firstName: String
    public var lastName: String
    public var isAgent: Bool
    public var isCustomer: Bool
    /// System administrator: every right everywhere.
    public var isAdmin: Bool
    /// For customers: the contact whose tickets are theirs.
    public var contactID: Int64?
    /// For customers: whether they also see their organisation's tickets.
    public var seesOrganisationTickets: Bool
    public var locale: String
    public var isActive: Bool
    public var totpEnabled: Bool
    public var roleIDs: [Int64]
    public var createdAt: Date
    /// Counted up by every change of the account's attributes (not by passwords or second factors); `If-Match`.
    public var version: Int64

    public init(
        id: Int64, login: String, email: String? = nil, firstName: String = "", lastName: String = "",
        isAgent: Bool, isCustomer: Bool = false, isAdmin: Bool = false, contactID: Int64? = nil,
        seesOrganisationTickets: Bool = false, locale: String = "de", isActive: Bool = true,
        totpEnabled: Bool = false, roleIDs: [Int64] = [], createdAt: Date, version: Int64 = 1
    ) {
        self.id = id
        self.login = login
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.isAgent = isAgent
        self.isCustomer = isCustomer
        self.isAdmin = isAdmin
        self.contactID = contactID
        self.seesOrganisationTickets = seesOrganisationTickets
        self.locale = locale
        self.isActive = isActive
        self.totpEnabled = totpEnabled
        self.roleIDs = roleIDs
        self.createdAt = createdAt
        self.version = version
    }
}
