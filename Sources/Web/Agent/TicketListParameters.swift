import Domain
import Foundation
import Hummingbird
import NIOCore
import Services
import Store

/// The list page's filter as it travels in the URL (`/agent/tickets?queue=3&scope=open&sort=-created`), and
/// its translation into the Services' `TicketFilter`. Saved views store the translated filter.
struct TicketListParameters {
    /// Which states the list shows: the unfinished ones (default), the finished ones, or all.
    enum Scope: String, CaseIterable {
        case open, closed, all
    }

    var query = ""
    var queueID: Int64?
    var stateID: Int64?
    var scope = Scope.open
    /// `me`, or nil for everybody.
    var owner: String?
    var sla: TicketSLAStatus?
    var sort: TicketListQuery.Sort = .escalation
    var descending = false
    var viewID: Int64?

    init() {}

    init(_ request: Request) {
        self.init(query: request.uri.query ?? "")
    }

    /// Reads an URL query string; a badly encoded one counts as empty.
    init(query text: String) {
        let items = (try? FormData.parse(ByteBuffer(string: text), contentType: nil)) ?? FormData(fields: [])
        func value(_ name: String) -> String? { items.trimmed(name) }
        query = value("q") ?? ""
        queueID = value("queue").flatMap { Int64($0) }
        stateID = value("state").flatMap { Int64($0) }
        scope = value("scope").flatMap(Scope.init) ?? .open
        owner = value("owner") == "me" ? "me" : nil
        sla = value("sla").flatMap(TicketSLAStatus.init)
        if let text = value("sort"), let key = TicketListQuery.Sort(rawValue: String(text.drop { $0 == "-" })) {
            sort = key
            descending = text.hasPrefix("-")
        } else if !query.isEmpty {
            sort = .relevance
        }
        viewID = value("view").flatMap { Int64($0) }
    }

    /// The Services filter for this list, seen by `principal`.
    func filter(for principal: Principal) -> TicketFilter {
        var filter = TicketFilter()
        filter.query = query.isEmpty ? nil : query
        filter.queueIds = queueID.map { [$0] }
        if let stateID {
            filter.stateIds = [stateID]
        } else {
            switch scope {
            case .open: filter.stateTypes = StateType.allCases.filter { !$0.isClosed }
            case .closed: filter.stateTypes = StateType.allCases.filter(\.isClosed)
            case .all: break
            }
        }
        filter.ownerIds = owner == "me" ? [principal.userID] : nil
        filter.slaStatuses = sla.map { [$0] }
        filter.sort = sort
        filter.descending = descending
        return filter
    }

    /// The same list as URL parameters (without a page position), with `changes` applied.
    func urlQuery(_ changes: [String: String?] = [:]) -> String {
        var items: [(String, String)] = []
        if !query.isEmpty { items.append(("q", query)) }
        if let queueID { items.append(("queue", String(queueID))) }
        if let stateID { items.append(("state", String(stateID))) }
        if scope != .open { items.append(("scope", scope.rawValue)) }
        if let owner { items.append(("owner", owner)) }
        if let sla { items.append(("sla", sla.rawValue)) }
        items.append(("sort", (descending ? "-" : "") + sort.rawValue))
        return ListURLQuery(items).applying(changes).encoded
    }
}
