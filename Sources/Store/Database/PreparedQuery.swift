import SQLKit

/// A read that PostgreSQL plans once per connection and from then on only executes; SQLite runs it as any query.
///
/// Planning is most of what a PostgreSQL point read costs where the table is heavily indexed: on `cmdb_items`, whose
/// partial expression indexes and statistics objects (two per searchable attribute) the planner weighs every time,
/// planning a lookup by primary key takes 0.2–0.5 ms and executing it 0.02 ms. A named prepared statement keeps its
/// plan on the connection (PostgreSQL switches to the generic plan after five executions), so the requests that run
/// most — the caller's principal on every request, the item view — use it.
///
/// The text of a query must not depend on its values (only its binds do), and it names its columns rather than `*`:
/// a prepared `SELECT *` fails once a migration on another node adds a column.
protocol PreparedQuery: Sendable {
    /// The query with the binds of one execution.
    var query: SQLQueryString { get }
}

extension SQLDatabase {
    /// The rows of `prepared`; on PostgreSQL through the connection's prepared statement for its text (`preparing`).
    func all<Query: PreparedQuery>(_ prepared: Query) async throws -> [any SQLRow] {
        try await preparing.raw(prepared.query).all()
    }
}
