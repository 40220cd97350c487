import Domain
import Foundation
import Store

extension PeopleService {
    /// Customers (active contacts) whose first or last name, full name, mail address or customer login starts with
    /// `text` (at least one character), by id after `cursor` — for pickers such as an item's owner. Agents only, as
    /// every contact list.
    public func customers(matching text: String?, after cursor: Int64?, limit: Int, by principal: Principal) async throws -> Page<CustomerEntry> {
        try AccessPolicy.requireAgent(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let wanted = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(wanted.count) else { throw DomainError.invalid(FieldIssue(field: "q", .length(min: 1, max: 200))) }
        let found = try await context.database.read { db in try await CustomerDirectory(db).search(wanted, after: cursor, limit: limit + 1) }
        return Page(fetched: found, limit: limit, cursor: \.id)
    }
}
