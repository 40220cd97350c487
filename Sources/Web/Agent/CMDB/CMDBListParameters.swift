import Domain
import Foundation
import NIOCore
import Services
import Store

/// An item list's filters as they travel in the URL (`/agent/cmdb/items?class=3&deploymentState=production&attr.ram_gb=16..`)
/// and their translation into the Services' `ConfigItemListRequest`, which saved lists store.
struct CMDBListParameters {
    var query = ""
    var classID: Int64?
    var deploymentStates: [String] = []
    var incidentStates: [String] = []
    var ownerContactID: Int64?
    var ownerOrganisationID: Int64?
    var locationID: Int64?
    /// Attribute conditions by key: `VALUE`, `FROM..TO` or `PREFIX*`.
    var attributes: [String: String] = [:]
    var due: String?
    var days: Int?
    var sort: ConfigItemListQuery.Sort?
    var descending = false

    init() {}

    /// Reads an URL query string; a badly encoded one counts as empty. `due=CLASS:KEY` (from the lifecycle form)
    /// sets the class as well.
    init(query text: String) {
        let items = (try? FormData.parse(ByteBuffer(string: text), contentType: nil)) ?? FormData(fields: [])
        query = items.trimmed("q") ?? ""
        classID = items.id("class")
        deploymentStates = items.values("deploymentState").filter { !$0.isEmpty }
        incidentStates = items.values("incidentState").filter { !$0.isEmpty }
        ownerContactID = items.id("ownerContactId")
        ownerOrganisationID = items.id("ownerOrganisationId")
        locationID = items.id("locationId")
        for (name, value) in items.fields where name.hasPrefix("attr.") {
            let condition = value.trimmingCharacters(in: .whitespaces)
            if !condition.isEmpty { attributes[String(name.dropFirst(5))] = condition }
        }
        if let due = items.trimmed("due") {
            let parts = due.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, let id = Int64(parts[0]) { classID = id }
            self.due = parts.last
            days = items.trimmed("days").flatMap { Int($0) } ?? 30
        }
        if let text = items.trimmed("sort"), let key = ConfigItemListQuery.Sort(rawValue: String(text.drop { $0 == "-" })) {
            sort = key
            descending = text.hasPrefix("-")
        }
    }

    /// The parameters a saved list's filters stand for; classes named in it are found among `classes`.
    init(_ filters: ConfigItemListRequest, classes: [CIClassView]) {
        query = filters.q ?? ""
        classID = filters.classIds.first ?? filters.classes.first.flatMap { name in
            classes.first { $0.name.lowercased() == name.lowercased() || $0.nameEN?.lowercased() == name.lowercased() }?.id
        }
        deploymentStates = filters.deploymentStates
        incidentStates = filters.incidentStates
        ownerContactID = filters.ownerContactIds.first
        ownerOrganisationID = filters.ownerOrganisationIds.first
        locationID = filters.locationIds.first
        attributes = filters.attributes
        due = filters.due
        days = filters.days
        sort = filters.sort
        descending = filters.descending
    }

    /// The Services request for one page of this list.
    func request(cursor: String? = nil, limit: Int = 50) -> ConfigItemListRequest {
        var request = ConfigItemListRequest()
        request.q = query.isEmpty ? nil : query
        request.classIds = classID.map { [$0] } ?? []
        request.deploymentStates = deploymentStates
        request.incidentStates = incidentStates
        request.ownerContactIds = ownerContactID.map { [$0] } ?? []
        request.ownerOrganisationIds = ownerOrganisationID.map { [$0] } ?? []
        request.locationIds = locationID.map { [$0] } ?? []
        request.attributes = attributes
        request.due = due
        request.days = due == nil ? nil : days
        request.sort = sort
        request.descending = descending
        request.cursor = cursor
        request.limit = limit
        return request
    }

    /// The same list as URL parameters (without a page position), with `changes` applied.
    func urlQuery(_ changes: [String: String?] = [:]) -> String {
        var items: [(String, String)] = []
        if !query.isEmpty { items.append(("q", query)) }
        if let classID { items.append(("class", String(classID))) }
        items += deploymentStates.map { ("deploymentState", $0) } + incidentStates.map { ("incidentState", $0) }
        if let ownerContactID { items.append(("ownerContactId", String(ownerContactID))) }
        if let ownerOrganisationID { items.append(("ownerOrganisationId", String(ownerOrganisationID))) }
        if let locationID { items.append(("locationId", String(locationID))) }
        items += attributes.sorted { $0.key < $1.key }.map { ("attr." + $0.key, $0.value) }
        if let due { items += [("due", due), ("days", String(days ?? 30))] }
        if let sort { items.append(("sort", (descending ? "-" : "") + sort.rawValue)) }
        return ListURLQuery(items).applying(changes).encoded
    }
}
