import SQLKit

/// Keyset paging for the sorted lists (tickets, configuration items): the condition that starts a page after a
/// cursor, the order, and the cursor after a page. Rows are ordered by the sort key, then by id; relevance order,
/// which has no stable key, pages by offset.
struct KeysetPaging {
    /// The sort key expression; queries select it as `sort_key`.
    let key: SQLQueryString
    /// The id column of the listed table's alias (`t.id`, `i.id`).
    let idColumn: String
    let descending: Bool
    let isRelevance: Bool
    let isTextKey: Bool
    let limit: Int

    /// The `ORDER BY` terms.
    var order: SQLQueryString {
        let direction: SQLQueryString = descending ? "DESC" : "ASC"
        return "\(key) \(direction), \(unsafeRaw: idColumn) \(direction)"
    }

    /// The condition after `cursor` (nil for the first page or offset paging) and the rows to skip.
    func start(after cursor: TicketCursor?) -> (condition: SQLQueryString?, offset: Int) {
        let comparison: SQLQueryString = descending ? "<" : ">"
        let id = SQLQueryString(idColumn)
        switch cursor {
        case .key(let value, let last)?:
            return ("(\(key) \(comparison) \(bind: value) OR (\(key) = \(bind: value) AND \(id) \(comparison) \(bind: last)))", 0)
        case .text(let value, let last)?:
            return ("(\(key) \(comparison) \(bind: value) OR (\(key) = \(bind: value) AND \(id) \(comparison) \(bind: last)))", 0)
        case .offset(let skip)?:
            return (nil, max(0, skip))
        case nil:
            return (nil, 0)
        }
    }

    /// The cursor of the page after `rows` (fetched with `limit + 1`), whose last shown row has id `lastID`.
    func next(after rows: [any SQLRow], lastID: Int64?, offset: Int) throws -> TicketCursor? {
        guard rows.count > limit, let last = rows.prefix(limit).last, let lastID else { return nil }
        if isRelevance { return .offset(offset + limit) }
        if isTextKey { return .text(try last.string("sort_key"), id: lastID) }
        return .key(try last.int64("sort_key"), id: lastID)
    }
}
