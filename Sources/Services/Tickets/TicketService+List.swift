import Domain
import Foundation
import SQLKit
import Store

extension TicketService {
    /// One page of the tickets the principal may see that match the request, ranked by relevance when
    /// the query has search words and no other order is asked for.
    public func list(_ request: TicketListRequest, for principal: Principal) async throws -> TicketPage {
        guard (1...1000).contains(request.limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let master = try await masterData.current(context.database)
        var query = TicketListQuery()
        query.limit = request.limit
        query.searchesCustomerDocument = !AccessPolicy.seesInternals(principal)
        query.descending = request.descending
        if !request.queueIDs.isEmpty { query.queues = .init(request.queueIDs) }
        var stateIDs = request.stateIDs
        if !request.stateTypes.isEmpty {
            stateIDs += master.states.filter { request.stateTypes.contains($0.type) }.map(\.id)
        }
        if !request.stateIDs.isEmpty || !request.stateTypes.isEmpty { query.states = .init(stateIDs) }
        if !request.priorityIDs.isEmpty { query.priorities = .init(request.priorityIDs) }
        if !request.ownerIDs.isEmpty { query.owners = .init(request.ownerIDs) }
        query.configItemID = request.configItemID
        query.slaStatuses = request.slaStatuses
        query.slaStatusTime = context.now()

        var hasWords = false
        let dialect = context.database.dialect
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery.parse(request.query ?? "")
        } catch {
            throw DomainError.invalid(error.issue(field: "q"))
        }
        let positive = SearchQuery(terms: parsed.terms.filter { !$0.isNegated })
        let negative = SearchQuery(terms: parsed.terms.filter(\.isNegated).map { SearchTerm($0.kind) })
        let expression = { (query: SearchQuery) in dialect == .sqlite ? query.ftsMatchExpression() : query.tsQueryExpression() }
        if !positive.terms.isEmpty {
            query.fullText = expression(positive)
            hasWords = query.fullText != nil
        }
        if !negative.terms.isEmpty {
            let combined = SearchQuery(terms: negative.terms)
            query.excludedFullText = combined.terms.count == 1 ? expression(combined)
                : dialect == .sqlite ? negative.terms.compactMap { expression(SearchQuery(terms: [$0])) }.joined(separator: " OR ")
                : negative.terms.compactMap { expression(SearchQuery(terms: [$0])) }.map { "(\($0))" }.joined(separator: " | ")
        }
        let initial = query
        let requestedFields = request.fields.map { (name: $0.key, value: $0.value, negated: false) }
        var fieldFilters: [(name: String, value: String, negated: Bool)]
        (query, fieldFilters) = try await context.database.read { db in
            var query = initial
            var fieldFilters = requestedFields
            for filter in parsed.filters {
                try await apply(filter, to: &query, master: master, principal: principal, fieldFilters: &fieldFilters, db: db)
            }
            return (query, fieldFilters)
        }
        query.fields = try await fields.filters(fieldFilters, for: .ticket, principal: principal)
        query.sort = request.sort ?? (hasWords ? .relevance : .id)
        if query.sort == .relevance, !hasWords { query.sort = .id }
        if let cursor = request.cursor {
            let position = try CursorCoding.decode(cursor)
            guard position.fits(query.sort) else {
                throw DomainError.invalid(FieldIssue(field: "cursor", .invalidFormat, detail: "The cursor belongs to a list in another order; ask again without it."))
            }
            query.cursor = position
        }
        let scope = AccessPolicy.ticketScope(for: principal)
        let finalQuery = query
        let (tickets, next) = try await context.database.read { db in
            try await TicketRepository(db, dialect: dialect).list(finalQuery, in: scope)
        }
        return TicketPage(items: try await views(of: tickets, for: principal), next: next.map(CursorCoding.encode))
    }

    /// Turns one `key:value` filter of the query language into list conditions.
    private func apply(
        _ filter: SearchFilter, to query: inout TicketListQuery, master: MasterData, principal: Principal,
        fieldFilters: inout [(name: String, value: String, negated: Bool)], db: any SQLDatabase
    ) async throws {
        let value = filter.value
        let key = value.lowercased()
        let negated = filter.isNegated
        func names(_ candidates: [String?]) -> Bool { candidates.contains { $0?.lowercased() == key } }
        switch filter.field {
        case .queue:
            let ids = master.queues.filter { names([$0.name]) }.map(\.id)
            query.queues = .init(ids, isNegated: negated)
        case .state:
            query.states = .init(master.states.filter { names([$0.name, $0.nameEN]) }.map(\.id), isNegated: negated)
        case .stateType:
            let types = StateType.allCases.filter { $0.rawValue.lowercased() == key }
            query.states = .init(master.states.filter { types.contains($0.type) }.map(\.id), isNegated: negated)
        case .priority:
            query.priorities = .init(master.priorities.filter { names([$0.name, $0.nameEN]) }.map(\.id), isNegated: negated)
        case .type:
            query.types = .init(master.types.filter { names([$0.name, $0.nameEN]) }.map(\.id), isNegated: negated)
        case .service:
            query.services = .init(master.services.filter { names([$0.name]) }.map(\.id), isNegated: negated)
        case .owner, .responsible:
            let userID: Int64? = key == "me" ? principal.userID : try await UserRepository(db).find(login: value)?.id
            let ids = userID.map { [$0] } ?? []
            if filter.field == .owner { query.owners = .init(ids, isNegated: negated) } else { query.responsibles = .init(ids, isNegated: negated) }
        case .customer:
            let contact = try await ContactRepository(db).find(email: value)
            query.contacts = .init(contact.map { [$0.id] } ?? [], isNegated: negated)
        case .organisation:
            let organisation = try await OrganisationRepository(db).find(name: value)
            query.organisations = .init(organisation.map { [$0.id] } ?? [], isNegated: negated)
        case .number:
            query.number = value
        case .created:
            try applyCreated(value, to: &query)
        case .sla:
            guard let status = TicketSLAStatus(rawValue: key) else {
                throw DomainError.invalid(FieldIssue(
                    field: "q", .invalidChoice, detail: "sla: takes \(TicketSLAStatus.allCases.map(\.rawValue).joined(separator: ", "))."
                ))
            }
            query.slaStatuses = [status]
            query.excludesSLAStatuses = negated
        case .dynamic(let name):
            fieldFilters.append((name, value, negated))
        }
    }

    /// `created:>2026-01-01`, `created:<2026-02-01`, `created:2026-01-01..2026-02-01` or a single day.
    private func applyCreated(_ value: String, to query: inout TicketListQuery) throws {
        let timeZone = context.configuration.timeZone
        func day(_ text: Substring) throws -> Date {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            guard text.count == 10, parts.count == 3,
                  let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                  calendar.component(.day, from: date) == parts[2] else {
                throw DomainError.invalid(FieldIssue(field: "q", .invalidDate(example: "2026-01-31"), detail: "created: needs dates like 2026-01-31."))
            }
            return date
        }
        if let range = value.range(of: "..") {
            query.createdFrom = try day(value[..<range.lowerBound])
            query.createdUntil = try day(value[range.upperBound...]).addingTimeInterval(86_400)
        } else if value.hasPrefix(">=") || value.hasPrefix(">") {
            let date = try day(value.drop { $0 == ">" || $0 == "=" })
            query.createdFrom = value.hasPrefix(">=") ? date : date.addingTimeInterval(86_400)
        } else if value.hasPrefix("<=") || value.hasPrefix("<") {
            let date = try day(value.drop { $0 == "<" || $0 == "=" })
            query.createdUntil = value.hasPrefix("<=") ? date.addingTimeInterval(86_400) : date
        } else {
            let date = try day(Substring(value))
            query.createdFrom = date
            query.createdUntil = date.addingTimeInterval(86_400)
        }
    }
}
