import Domain
import Foundation
import Store

/// An item list or search as a caller asks for it; also what a saved list stores.
///
/// Filters of different kinds combine with AND, repeated values of one kind with OR. `attributes` holds conditions
/// by attribute key: `VALUE` (equal), `FROM..TO` (inclusive range, either side may be empty) or `PREFIX*`; they need
/// exactly one class. `due` with `days` keeps items whose date attribute `due` falls within the next `days` days.
public struct ConfigItemListRequest: Sendable, Codable, Equatable {
    /// Search words: words, "phrases", prefix*, -negation.
    public var q: String?
    /// Class names (German or English).
    public var classes: [String] = []
    public var classIds: [Int64] = []
    /// Deployment states by API or German name.
    public var deploymentStates: [String] = []
    public var incidentStates: [String] = []
    public var ownerContactIds: [Int64] = []
    public var ownerOrganisationIds: [Int64] = []
    public var locationIds: [Int64] = []
    /// Only items linked to this ticket.
    public var ticketId: Int64?
    public var attributes: [String: String] = [:]
    /// A date attribute; with `days`, items due within that many days from today.
    public var due: String?
    public var days: Int?
    public var sort: ConfigItemListQuery.Sort?
    public var descending = false
    public var cursor: String?
    public var limit = 50

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case q, classes, classIds, deploymentStates, incidentStates, ownerContactIds, ownerOrganisationIds, locationIds
        case ticketId, attributes, due, days, sort, descending
    }

    /// Decodes a saved list's filters: every key may be left out; cursor and limit are never stored.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        q = try c.decodeIfPresent(String.self, forKey: .q)
        classes = try c.decodeIfPresent([String].self, forKey: .classes) ?? []
        classIds = try c.decodeIfPresent([Int64].self, forKey: .classIds) ?? []
        deploymentStates = try c.decodeIfPresent([String].self, forKey: .deploymentStates) ?? []
        incidentStates = try c.decodeIfPresent([String].self, forKey: .incidentStates) ?? []
        ownerContactIds = try c.decodeIfPresent([Int64].self, forKey: .ownerContactIds) ?? []
        ownerOrganisationIds = try c.decodeIfPresent([Int64].self, forKey: .ownerOrganisationIds) ?? []
        locationIds = try c.decodeIfPresent([Int64].self, forKey: .locationIds) ?? []
        ticketId = try c.decodeIfPresent(Int64.self, forKey: .ticketId)
        attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        due = try c.decodeIfPresent(String.self, forKey: .due)
        days = try c.decodeIfPresent(Int.self, forKey: .days)
        sort = try c.decodeIfPresent(ConfigItemListQuery.Sort.self, forKey: .sort)
        descending = try c.decodeIfPresent(Bool.self, forKey: .descending) ?? false
    }
}
