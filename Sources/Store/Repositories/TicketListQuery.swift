import Domain
import Foundation

/// What a ticket list asks for: filters, full-text match, order and page.
public struct TicketListQuery: Sendable {
    /// The orders a list can be sorted by.
    public enum Sort: String, Sendable, CaseIterable {
        case id, number, title, created, changed, priority, pendingUntil
        /// Earliest SLA due time first (`TicketSLASummary.escalationAt`); tickets without one last.
        case escalation
        /// Best full-text match first; only with a search.
        case relevance
    }

    /// A set of ids to include or exclude.
    public struct IDFilter: Sendable {
        public var ids: [Int64]
        public var isNegated: Bool
        public init(_ ids: [Int64], isNegated: Bool = false) {
            self.ids = ids
            self.isNegated = isNegated
        }
    }

    public var queues: IDFilter?
    public var states: IDFilter?
    public var priorities: IDFilter?
    public var types: IDFilter?
    public var services: IDFilter?
    public var owners: IDFilter?
    public var responsibles: IDFilter?
    public var contacts: IDFilter?
    public var organisations: IDFilter?
    public var number: String?
    /// Only tickets linked to this configuration item.
    public var configItemID: Int64?
    public var createdFrom: Date?
    public var createdUntil: Date?
    public var fields: [FieldFilter] = []
    /// Only tickets in one of these SLA states at `slaStatusTime` (with `excludesSLAStatuses`: in none of them).
    public var slaStatuses: [TicketSLAStatus] = []
    public var excludesSLAStatuses = false
    /// The instant SLA states are judged at (now).
    public var slaStatusTime = Date()
    /// A full-text expression in the engine's syntax (FTS5 MATCH or tsquery), already made safe.
    public var fullText: String?
    /// When set, excludes tickets that match this full-text expression.
    public var excludedFullText: String?
    /// Whether the full-text conditions look only at the customer search document (what customers may see).
    public var searchesCustomerDocument = false
    public var sort: Sort = .id
    /// How many of the newest matching tickets a relevance-ordered search ranks (at least); PostgreSQL ranks at
    /// most `postgresRelevanceWindow`.
    ///
    /// Ranking reads every ranked document (FTS5's `bm25`, PostgreSQL's `ts_rank`); a word in a third of a million
    /// tickets would take half a second. So relevance is computed for the newest matching tickets only (FTS5
    /// walks its index newest first and stops; PostgreSQL searches the newest blocks of ticket ids first), the
    /// caller's scope is applied to those, and the pages of a relevance search end after them. When they hold
    /// less than a first page the caller may see (a customer, a narrow role), all matches are ranked instead.
    public var relevanceWindow = 5_000
    /// The most matches a relevance search on PostgreSQL ranks: `ts_rank` reads each document from the TOAST
    /// table, so 5,000 would cost it about five times as much as these (docs/performance.md).
    public static let postgresRelevanceWindow = 1_000
    public var descending = false
    /// The position after which the page starts, as handed out with the previous page.
    public var cursor: TicketCursor?
    public var limit = 50

    public init() {}
}

extension TicketListQuery.Sort {
    /// Whether the sort key is text (paged with `TicketCursor.text`) rather than a number.
    public var hasTextKey: Bool { self == .number || self == .title }
}

/// A position in a sorted ticket list: the sort key of the last row seen and its id.
public enum TicketCursor: Sendable, Equatable {
    case key(Int64, id: Int64)
    case text(String, id: Int64)
    /// For relevance order, which has no stable key: the number of rows already returned.
    case offset(Int)

    /// Whether this position belongs to a list in `sort` order.
    public func fits(_ sort: TicketListQuery.Sort) -> Bool {
        switch self {
        case .key: sort != .relevance && !sort.hasTextKey
        case .text: sort.hasTextKey
        case .offset: sort == .relevance
        }
    }
}
