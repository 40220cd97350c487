import Domain
import Foundation

/// What an item list asks for: class, states, owners, location, attribute conditions, full text, order and page.
public struct ConfigItemListQuery: Sendable {
    /// The orders an item list can be sorted by.
    public enum Sort: String, Sendable, CaseIterable, Codable {
        case id, number, name, created, changed
        /// Best full-text match first; only with a search.
        case relevance

        /// Whether the sort key is text (paged with `TicketCursor.text`).
        public var hasTextKey: Bool { self == .number || self == .name }
    }

    public var classIDs: [Int64] = []
    public var deploymentStates: [DeploymentState] = []
    public var incidentStates: [IncidentState] = []
    public var ownerContactIDs: [Int64] = []
    public var ownerOrganisationIDs: [Int64] = []
    public var locationIDs: [Int64] = []
    /// Only items linked to this ticket.
    public var ticketID: Int64?
    public var attributes: [CIAttributeFilter] = []
    /// A full-text expression in the engine's syntax (FTS5 MATCH or tsquery), already made safe.
    public var fullText: String?
    /// Customers: only items owned by this contact or these organisations.
    public var owners: (contactID: Int64?, organisationIDs: [Int64])?
    public var sort: Sort = .id
    /// How many of the newest matching items a relevance-ordered search ranks (at least); PostgreSQL ranks at most
    /// `postgresRelevanceWindow`. See `RelevanceWindow`.
    public var relevanceWindow = 5_000
    /// The most matches an item search on PostgreSQL ranks: it finds the newest matches by walking `cmdb_search`
    /// backwards and testing each document, about 40,000 of them for 5,000 matches of a model name at 500,000 items
    /// (20–30 ms on a busy machine, 2–4 ms for 1,000), as the ticket search does.
    public static let postgresRelevanceWindow = 1_000
    public var descending = false
    public var cursor: TicketCursor?
    public var limit = 50

    public init() {}

    /// Whether only the full text limits the items: no class, state, owner, location, ticket or attribute condition.
    var isFullTextOnly: Bool {
        fullText != nil && classIDs.isEmpty && deploymentStates.isEmpty && incidentStates.isEmpty && ownerContactIDs.isEmpty
            && ownerOrganisationIDs.isEmpty && locationIDs.isEmpty && ticketID == nil && attributes.isEmpty && owners == nil
    }
}

/// A condition on one attribute of the items of one class.
public struct CIAttributeFilter: Sendable {
    /// How the attribute's value is compared.
    public enum Match: Sendable {
        /// Equal to the value (for multiselect: one of the chosen options is it).
        case equals(CIValue)
        /// Within the bounds, both inclusive; a missing bound is open.
        case range(from: CIValue?, to: CIValue?)
        /// Text starting with the prefix (case-sensitive).
        case prefix(String)
    }

    public var attribute: CIAttribute
    public var classID: Int64
    public var match: Match

    public init(attribute: CIAttribute, classID: Int64, match: Match) {
        self.attribute = attribute
        self.classID = classID
        self.match = match
    }
}
