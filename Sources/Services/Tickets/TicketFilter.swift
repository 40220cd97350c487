import Domain
import Store

/// The filter and order of a ticket list without its page position: what a saved view keeps.
public struct TicketFilter: Sendable, Codable, Equatable {
    /// Query language: words, "phrases", prefix*, -negation and `key:value` filters.
    public var query: String?
    public var queueIds: [Int64]?
    public var stateIds: [Int64]?
    public var stateTypes: [StateType]?
    public var priorityIds: [Int64]?
    public var ownerIds: [Int64]?
    public var slaStatuses: [TicketSLAStatus]?
    /// Dynamic field conditions by field name.
    public var fields: [String: String]?
    public var sort: TicketListQuery.Sort?
    public var descending: Bool?

    public init() {}

    /// The list request for one page of this filter.
    public func listRequest(cursor: String? = nil, limit: Int = 50) -> TicketListRequest {
        var list = TicketListRequest(query: query)
        list.queueIDs = queueIds ?? []
        list.stateIDs = stateIds ?? []
        list.stateTypes = stateTypes ?? []
        list.priorityIDs = priorityIds ?? []
        list.ownerIDs = ownerIds ?? []
        list.slaStatuses = slaStatuses ?? []
        list.fields = fields ?? [:]
        list.sort = sort
        list.descending = descending ?? false
        list.cursor = cursor
        list.limit = limit
        return list
    }
}

extension TicketListQuery.Sort: Codable {}
