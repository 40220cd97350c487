/// Who is acting: the signed-in user with everything the access policy needs, resolved once per request.
public struct Principal: Sendable, Equatable {
    public var userID: Int64
    public var login: String
    public var isAgent: Bool
    public var isAdmin: Bool
    /// The agent's rights per queue, merged over all roles.
    public var queueRights: [Int64: QueueRights]
    /// The agent's role-wide rights (the CMDB's), merged over all roles.
    public var rights: RoleRights
    /// The customer's own contact.
    public var contactID: Int64?
    /// The organisations whose tickets the customer may see (empty unless granted).
    public var organisationIDs: [Int64]
    /// The organisation the customer's contact belongs to (whether or not its tickets are visible); decides which
    /// catalogue categories the customer sees.
    public var memberOrganisationID: Int64?
    public var locale: String

    public init(
        userID: Int64, login: String, isAgent: Bool, isAdmin: Bool, queueRights: [Int64: QueueRights] = [:],
        contactID: Int64? = nil, organisationIDs: [Int64] = [], memberOrganisationID: Int64? = nil, locale: String = "de",
        rights: RoleRights = []
    ) {
        self.userID = userID
        self.login = login
        self.isAgent = isAgent
        self.isAdmin = isAdmin
        self.queueRights = queueRights
        self.rights = rights
        self.contactID = contactID
        self.organisationIDs = organisationIDs
        self.memberOrganisationID = memberOrganisationID
        self.locale = locale
    }

    /// The system itself (mail intake, workers, seeding): every right, no user.
    public static let system = Principal(userID: 0, login: "system", isAgent: true, isAdmin: true)

    /// A citizen without an account, acting through the private status link of a request of `contactID`: sees and
    /// answers that contact's tickets like a customer, and is no user.
    public static func citizen(contactID: Int64) -> Principal {
        Principal(userID: 0, login: "citizen", isAgent: false, isAdmin: false, contactID: contactID)
    }

    /// Whether no user acts: the system itself, or a citizen through a private status link.
    public var isSystem: Bool { userID == 0 }
}
