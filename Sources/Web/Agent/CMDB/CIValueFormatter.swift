import Domain
import Foundation
import Services

/// Shows attribute values as pages do: references by the name of what they point to (looked up for a whole page
/// in one round per kind), yes/no in words, days in the page language's format.
struct CIValueFormatter {
    var contacts: [Int64: String] = [:]
    var organisations: [Int64: String] = [:]
    var users: [Int64: String] = [:]
    var items: [Int64: ConfigItemView.ItemReference] = [:]
    let pages: PageRenderer
    let context: AppRequestContext

    /// Loads the names behind every reference `attributes` hold in `values`, plus the owners in `contacts` and
    /// `organisations`.
    static func load(
        _ values: [CIAttributes], attributes: [CIAttribute], contacts extraContacts: Set<Int64> = [], organisations extraOrganisations: Set<Int64> = [],
        services: WebServices, pages: PageRenderer, context: AppRequestContext, principal: Principal
    ) async throws -> CIValueFormatter {
        var ids: [CIAttributeType: Set<Int64>] = [:]
        for attribute in attributes where attribute.type.isReference {
            for case .number(let number)? in values.map({ $0[attribute.key] }) { ids[attribute.type, default: []].insert(Int64(number)) }
        }
        var formatter = CIValueFormatter(pages: pages, context: context)
        let contacts = (ids[.contactReference] ?? []).union(extraContacts), organisations = (ids[.organisationReference] ?? []).union(extraOrganisations)
        let users = ids[.userReference] ?? []
        if !(contacts.isEmpty && organisations.isEmpty && users.isEmpty) {
            let names = try await services.people.displayNames(contacts: contacts, organisations: organisations, users: users, by: principal)
            formatter.contacts = names.contacts.mapValues { $0.name.isEmpty ? ($0.email ?? "") : $0.name }
            formatter.organisations = names.organisations
            formatter.users = names.users
        }
        formatter.items = try await services.configItems.references(ids[.itemReference] ?? [], for: principal)
        return formatter
    }

    /// `text` and, for references, `href` of a value; nil when there is none.
    func cell(_ value: CIValue?, _ attribute: CIAttribute) -> [String: Any]? {
        guard let value else { return nil }
        switch (attribute.type, value) {
        case (.contactReference, .number(let number)):
            return reference(Int64(number), contacts[Int64(number)], href: "/agent/cmdb/items?ownerContactId=\(Int64(number))")
        case (.organisationReference, .number(let number)):
            return reference(Int64(number), organisations[Int64(number)], href: "/agent/cmdb/items?ownerOrganisationId=\(Int64(number))")
        case (.userReference, .number(let number)):
            return ["text": users[Int64(number)] ?? "#\(Int64(number))"]
        case (.itemReference, .number(let number)):
            let item = items[Int64(number)]
            return reference(Int64(number), item.map { "\($0.name) (\($0.number))" }, href: "/agent/cmdb/items/\(Int64(number))")
        case (_, .bool(let flag)):
            return ["text": pages.text(flag ? "cmdb.yes" : "cmdb.no", context)]
        case (.date, .text(let day)):
            return ["text": Self.day(day, language: context.language)]
        default:
            return ["text": value.displayText]
        }
    }

    private func reference(_ id: Int64, _ name: String?, href: String) -> [String: Any] {
        guard let name else { return ["text": "#\(id)"] }
        return ["text": name, "href": href]
    }

    /// `2028-03-31` as `31.03.2028` in German; unchanged in English.
    static func day(_ text: String, language: UILanguage) -> String {
        let parts = text.split(separator: "-")
        guard language == .de, parts.count == 3 else { return text }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
