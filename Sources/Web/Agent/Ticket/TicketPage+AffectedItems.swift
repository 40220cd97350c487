import Domain
import Services

extension TicketPage {
    /// The configuration items ticket `id` affects, by id, as the links panel shows them: number and name with a link
    /// to the item, its incident state and its class's key attributes in words. One list query for all of them;
    /// nothing for agents who do not read the CMDB.
    func affectedItems(ofTicket id: Int64, links: [Link]) async throws -> [Int64: [String: Any]] {
        guard AccessPolicy.canReadCMDB(principal), links.contains(where: { $0.targetObject == .configItem }) else { return [:] }
        var request = ConfigItemListRequest()
        request.ticketId = id
        request.limit = 1000
        async let classes = services.cmdbClasses.classes(for: principal)
        let items = try await services.configItems.list(request, for: principal).items
        let keyAttributes = Dictionary(uniqueKeysWithValues: try await classes.map { ($0.id, $0.keyAttributes) })
        let formatter = try await CIValueFormatter.load(
            items.map(\.attributes), attributes: Array(keyAttributes.values.joined()), services: services, pages: pages, context: context, principal: principal
        )
        let labels = CMDBLabels(pages: pages, context: context)
        return Dictionary(uniqueKeysWithValues: items.map { item in
            let attributes = (keyAttributes[item.classId] ?? []).compactMap { attribute -> [String: Any]? in
                guard var cell = formatter.cell(item.attributes[attribute.key], attribute) else { return nil }
                cell["label"] = labels.label(attribute)
                cell["key"] = attribute.key
                return cell
            }
            let row: [String: Any] = [
                "label": "\(item.number) · \(item.name)", "href": "/agent/cmdb/items/\(item.id)",
                "incident": labels.incident(item.incidentState), "attributes": attributes,
            ]
            return (item.id, row)
        })
    }
}
