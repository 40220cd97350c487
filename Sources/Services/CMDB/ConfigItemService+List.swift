import Domain
import Foundation
import SQLKit
import Store

extension ConfigItemService {
    /// One page of the items the principal may see that match the request, ranked by relevance when it has
    /// search words and no other order.
    public func list(_ request: ConfigItemListRequest, for principal: Principal) async throws -> ConfigItemPage {
        let (query, classes) = try await query(for: request, principal: principal)
        let (items, next) = try await context.database.read { db in try await ConfigItemRepository(db, dialect: dialect).list(query) }
        let customerView = !AccessPolicy.seesInternals(principal)
        let byID = Dictionary(uniqueKeysWithValues: classes.map { ($0.id, $0) })
        return ConfigItemPage(items: items.map { ConfigItemView($0, ciClass: byID[$0.classID], customerView: customerView) },
                              next: next.map(CursorCoding.encode))
    }

    /// The repository query for a request, checked; with the classes it was resolved against.
    func query(for request: ConfigItemListRequest, principal: Principal) async throws -> (ConfigItemListQuery, [CIClass]) {
        try AccessPolicy.requireItemReader(principal)
        guard (1...1000).contains(request.limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let classes = try await context.database.read { db in try await CIClassRepository(db).all() }
        var query = ConfigItemListQuery()
        query.limit = request.limit
        query.descending = request.descending
        if !AccessPolicy.seesInternals(principal) { query.owners = (principal.contactID, principal.organisationIDs) }
        let named = try request.classes.map { name throws(DomainError) in try Self.resolveClass(name, id: nil, in: classes) }
        let numbered = try request.classIds.map { id throws(DomainError) in try Self.resolveClass(nil, id: id, in: classes) }
        let chosen = named + numbered
        query.classIDs = chosen.map(\.id)
        query.deploymentStates = try request.deploymentStates.map { name in
            guard let state = DeploymentState(named: name) else { throw DomainError.invalid(FieldIssue(field: "deploymentState", .unknownReference(reference: name))) }
            return state
        }
        query.incidentStates = try request.incidentStates.map { name in
            guard let state = IncidentState(named: name) else { throw DomainError.invalid(FieldIssue(field: "incidentState", .unknownReference(reference: name))) }
            return state
        }
        query.ownerContactIDs = request.ownerContactIds
        query.ownerOrganisationIDs = request.ownerOrganisationIds
        query.locationIDs = request.locationIds
        if let ticketID = request.ticketId {
            let visible = try await context.database.read { db in
                try await TicketRepository(db, dialect: dialect).find(ticketID, in: AccessPolicy.ticketScope(for: principal)) != nil
            }
            guard visible else { throw DomainError.invalid(FieldIssue(field: "ticketId", .unknownReference(reference: String(ticketID)))) }
            query.ticketID = ticketID
        }
        var conditions = request.attributes
        if request.due != nil || request.days != nil {
            guard let key = request.due, let days = request.days, (0...3650).contains(days) else {
                throw DomainError.invalid(FieldIssue(
                    field: "days", .outOfRange(min: "0", max: "3650"), detail: "due (a date attribute) and days (0 to 3650) go together."
                ))
            }
            conditions[key] = Self.dayText(context.now(), plus: 0, timeZone: context.configuration.timeZone) + ".."
                + Self.dayText(context.now(), plus: days, timeZone: context.configuration.timeZone)
        }
        if !conditions.isEmpty {
            guard chosen.count == 1, let ciClass = chosen.first else {
                throw DomainError.invalid(FieldIssue(field: "class", .required, detail: "Attribute conditions need exactly one class."))
            }
            query.attributes = try conditions.sorted(by: { $0.key < $1.key }).map { key, text in
                try Self.filter(key: key, text: text, in: ciClass)
            }
        }
        if !AccessPolicy.seesInternals(principal), !(request.q ?? "").allSatisfy(\.isWhitespace) {
            // The search document holds every text attribute, customer-visible or not.
            throw DomainError.invalid(FieldIssue(
                field: "q", .notAllowed, detail: "Customers list their items by class and state; search words are for agents."
            ))
        }
        query.fullText = try fullText(request.q)
        query.sort = request.sort ?? (query.fullText != nil ? .relevance : .id)
        if query.sort == .relevance, query.fullText == nil { query.sort = .id }
        if let cursor = request.cursor {
            let position = try CursorCoding.decode(cursor)
            let fits: Bool = switch position {
            case .key: query.sort != .relevance && !query.sort.hasTextKey
            case .text: query.sort.hasTextKey
            case .offset: query.sort == .relevance
            }
            guard fits else { throw DomainError.invalid(FieldIssue(
                field: "cursor", .invalidFormat, detail: "The cursor belongs to a list in another order; ask again without it."
            )) }
            query.cursor = position
        }
        return (query, classes)
    }

    /// The engine's full-text expression for search words; key:value filters belong in the list's parameters.
    private func fullText(_ text: String?) throws -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery.parse(text)
        } catch {
            throw DomainError.invalid(error.issue(field: "q"))
        }
        guard parsed.filters.isEmpty else {
            throw DomainError.invalid(FieldIssue(
                field: "q", .notAllowed, detail: "Filter items with the list's parameters (class, deploymentState, attr.KEY, ...), not key:value words."
            ))
        }
        return dialect == .sqlite ? parsed.ftsMatchExpression() : parsed.tsQueryExpression()
    }

    /// One attribute condition: `VALUE`, `FROM..TO` or `PREFIX*`, with values checked like the attribute's input.
    static func filter(key: String, text: String, in ciClass: CIClass) throws(DomainError) -> CIAttributeFilter {
        let field = "attr.\(key)"
        guard let attribute = ciClass.definition.attribute(key) else {
            throw .invalid(FieldIssue(field: field, .unknownReference(reference: key), detail: "The class \(ciClass.name) has no attribute '\(key)'."))
        }
        var loose = attribute
        loose.isRequired = false
        loose.regex = nil
        func value(_ part: Substring) throws(DomainError) -> CIValue? {
            let input: FieldInput = attribute.type == .multiselect ? .array([.string(String(part))]) : .string(String(part))
            switch loose.validate(input) {
            case .success(let value):
                if case .list(let options)? = value, let first = options.first { return .text(first) }
                return value
            case .failure(let issue): throw .invalid(issue.moved(to: field))
            }
        }
        if let range = text.range(of: "..") {
            let from = try value(text[..<range.lowerBound]), to = try value(text[range.upperBound...])
            guard from != nil || to != nil else { throw .invalid(FieldIssue(field: field, .required, detail: "A range needs at least one bound, as in 2026-01-01..2026-12-31.")) }
            return CIAttributeFilter(attribute: attribute, classID: ciClass.id, match: .range(from: from, to: to))
        }
        if text.hasSuffix("*"), !attribute.type.isNumeric, attribute.type != .boolean {
            // Stored spellings: serial numbers in capitals, MAC addresses in lowercase.
            let prefix = String(text.dropLast())
            let stored = attribute.type == .serialNumber ? prefix.uppercased() : attribute.type == .macAddress ? prefix.lowercased() : prefix
            return CIAttributeFilter(attribute: attribute, classID: ciClass.id, match: .prefix(stored))
        }
        guard let exact = try value(Substring(text)) else { throw .invalid(FieldIssue(field: field, .required, detail: "Give a value to compare with.")) }
        return CIAttributeFilter(attribute: attribute, classID: ciClass.id, match: .equals(exact))
    }

    /// The calendar day `days` after `date` in `timeZone`, as `YYYY-MM-DD`.
    static func dayText(_ date: Date, plus days: Int, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.date(byAdding: .day, value: days, to: date) ?? date
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
