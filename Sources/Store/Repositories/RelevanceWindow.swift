/// Relevance order ranks only the newest matches of a search: FTS5's `bm25` and PostgreSQL's `ts_rank` read every match
/// they rank, and a common word matches a large part of the table. Ticket search and item search window on both
/// engines. The pages of a relevance search end after the window; when the window holds less than a first page of
/// what the caller may see (a narrow scope or filter), all matches are ranked instead.
enum RelevanceWindow {
    /// One page by `fetch`, which runs the query with a window of that many newest matches (nil: all).
    static func page<Item>(
        limit: Int, cursor: TicketCursor?, window: Int, fetch: (Int?) async throws -> (items: [Item], next: TicketCursor?)
    ) async throws -> (items: [Item], next: TicketCursor?) {
        var offset = 0
        if case .offset(let skip)? = cursor { offset = max(0, skip) }
        let windowed = try await fetch(max(window, offset + limit + 1))
        if offset == 0, windowed.items.count < limit {
            return try await fetch(nil)
        }
        return windowed
    }
}
