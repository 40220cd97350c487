/// The one place that decides who may do what.
///
/// Services ask it before every change and hand its `TicketScope` to every query.
public enum AccessPolicy {
    /// The tickets `principal` may see.
    public static func ticketScope(for principal: Principal) -> TicketScope {
        if principal.isAdmin { return .everything }
        if principal.isAgent {
            let queues = principal.queueRights.filter { $0.value.contains(.read) }.map(\.key).sorted()
            return .queues(queues)
        }
        return .customer(contactID: principal.contactID, organisationIDs: principal.organisationIDs)
    }

    /// Whether `principal` may see a ticket with these attributes.
    public static func canRead(_ principal: Principal, queueID: Int64, contactID: Int64?, organisationID: Int64?) -> Bool {
        switch ticketScope(for: principal) {
        case .everything:
            return true
        case .queues(let queues):
            return queues.contains(queueID)
        case .customer(let ownContact, let organisations):
            if let ownContact, ownContact == contactID { return true }
            if let organisationID { return organisations.contains(organisationID) }
            return false
        }
    }

    /// Whether `principal` holds `rights` in `queueID`.
    public static func has(_ principal: Principal, _ rights: QueueRights, in queueID: Int64) -> Bool {
        if principal.isAdmin { return true }
        guard principal.isAgent else { return false }
        return principal.queueRights[queueID, default: []].isSuperset(of: rights)
    }

    /// Throws `forbidden` unless `principal` holds `rights` in `queueID`.
    public static func require(_ principal: Principal, _ rights: QueueRights, in queueID: Int64) throws(DomainError) {
        guard has(principal, rights, in: queueID) else {
            throw .forbidden("Missing right '\(rights.names.joined(separator: ", "))' in this queue.")
        }
    }

    /// Throws `forbidden` unless `principal` is an administrator.
    public static func requireAdmin(_ principal: Principal) throws(DomainError) {
        guard principal.isAdmin else { throw .forbidden("Administrator rights required.") }
    }

    /// Throws `forbidden` unless `principal` is an agent.
    public static func requireAgent(_ principal: Principal) throws(DomainError) {
        guard principal.isAgent || principal.isAdmin else { throw .forbidden("Only agents may do this.") }
    }

    /// Throws `forbidden` unless `principal` may create and change contacts and organisations: administrators,
    /// and agents who may create tickets in some queue. (Moving a contact between organisations changes which
    /// tickets its customer account sees.)
    public static func requirePeopleEditor(_ principal: Principal) throws(DomainError) {
        guard principal.isAdmin || (principal.isAgent && principal.queueRights.values.contains { $0.contains(.create) }) else {
            throw .forbidden("Only agents who may create tickets change contacts and organisations.")
        }
    }

    /// Whether `principal` reads the CMDB as an agent does (all items, all attributes): administrators, and agents
    /// holding `cmdb.read` (or `cmdb.write`) through a role.
    public static func canReadCMDB(_ principal: Principal) -> Bool {
        principal.isAdmin || (principal.isAgent && principal.rights.completed.contains(.cmdbRead))
    }

    /// Whether `principal` creates and changes configuration items and relations, imports and keeps shared saved
    /// lists: administrators, and agents holding `cmdb.write`.
    public static func canWriteCMDB(_ principal: Principal) -> Bool {
        principal.isAdmin || (principal.isAgent && principal.rights.contains(.cmdbWrite))
    }

    /// Throws `forbidden` unless `principal` reads the CMDB as an agent (see `canReadCMDB`).
    public static func requireCMDBReader(_ principal: Principal) throws(DomainError) {
        guard canReadCMDB(principal) else {
            throw .forbidden(principal.isAgent ? "Missing right 'cmdb.read'." : "Only agents may do this.")
        }
    }

    /// Throws `forbidden` unless `principal` may read configuration items at all: CMDB readers, and customers, whose
    /// reads the services limit to their own items and customer-visible attributes.
    public static func requireItemReader(_ principal: Principal) throws(DomainError) {
        guard seesInternals(principal) else { return }
        try requireCMDBReader(principal)
    }

    /// Throws `forbidden` unless `principal` may change the CMDB's items, relations and saved lists (see `canWriteCMDB`).
    public static func requireCMDBWriter(_ principal: Principal) throws(DomainError) {
        guard canWriteCMDB(principal) else { throw .forbidden("Missing right 'cmdb.write'.") }
    }

    /// Whether `principal` sees internal articles and internal field values (agents do, customers do not).
    public static func seesInternals(_ principal: Principal) -> Bool {
        principal.isAgent || principal.isAdmin
    }

    /// Whether `principal` (nil: a citizen without an account) sees a catalogue category and may submit its form.
    /// Agents and administrators see everything; inactive categories only administrators.
    public static func canSee(_ category: CatalogueCategory, as principal: Principal?) -> Bool {
        if principal?.isAdmin == true { return true }
        guard category.isActive else { return false }
        guard let principal else { return category.visibility == .everyone }
        if principal.isAgent { return true }
        switch category.visibility {
        case .everyone, .customers: return principal.contactID != nil
        case .organisations: return principal.memberOrganisationID.map(category.organisationIDs.contains) ?? false
        }
    }

    /// Throws `forbidden` unless `principal` is a customer with a contact: only they submit requests and see their own.
    public static func requireRequester(_ principal: Principal) throws(DomainError) {
        guard !principal.isAgent, !principal.isAdmin, principal.contactID != nil else {
            throw .forbidden("Only customers with a contact submit requests through the portal.")
        }
    }
}
