import Domain
import Foundation
import Store

extension ConfigItemService {
    /// The most rows one export writes.
    public static let maximumExportRows = 500_000

    /// Every item of the list (not just one page) as CSV: item fields, then the attributes of the classes involved by
    /// key. Customers get only customer-visible attributes.
    public func export(_ request: ConfigItemListRequest, for principal: Principal) async throws -> String {
        var request = request
        request.limit = 1000
        request.cursor = nil
        var items: [ConfigItemView] = []
        repeat {
            let page = try await list(request, for: principal)
            items += page.items
            request.cursor = page.next
        } while request.cursor != nil && items.count < Self.maximumExportRows
        var keys: [String] = []
        var seen: Set<String> = []
        for item in items {
            for key in item.attributes.keys.sorted() where seen.insert(key).inserted { keys.append(key) }
        }
        var csv = CSVWriter()
        csv.append(["number", "name", "class", "deploymentState", "incidentState", "ownerContactId", "ownerOrganisationId", "locationId"] + keys)
        for item in items {
            csv.append([
                item.number, item.name, item.class, item.deploymentState.germanName, item.incidentState.rawValue,
                item.ownerContactId.map(String.init) ?? "", item.ownerOrganisationId.map(String.init) ?? "", item.locationId.map(String.init) ?? "",
            ] + keys.map { item.attributes[$0]?.displayText ?? "" })
        }
        return csv.text
    }
}
