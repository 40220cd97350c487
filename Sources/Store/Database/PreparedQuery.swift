import PostgresKit
import SQLKit
import Synchronization

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
    /// The rows of `prepared`; on PostgreSQL through the connection's prepared statement for its type.
    func all<Query: PreparedQuery>(_ prepared: Query) async throws -> [any SQLRow] {
        guard let session = self as? PostgresSession, let statement = try PostgresStatement<Query>(prepared.query, in: self) else {
            return try await raw(prepared.query).all()
        }
        var rows: [any SQLRow] = []
        for try await row in try await session.connection.execute(statement, logger: session.logger) {
            rows.append(row.sql())
        }
        return rows
    }
}

/// The PostgreSQL statement of one `PreparedQuery` type. PostgresNIO prepares a statement type once per connection
/// and asks the type, not the value, for its text, so the text is kept per type when it first runs.
private struct PostgresStatement<Query: PreparedQuery>: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static var name: String { String(reflecting: Query.self) }

    static var sql: String { texts.withLock { $0[Self.name] } ?? "" }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }

    /// The statement of `query`, its text kept for the type on first use; nil when a bind is not one PostgresNIO
    /// encodes itself (such a query runs unprepared).
    init?(_ query: SQLQueryString, in database: any SQLDatabase) throws {
        let (sql, binds) = database.serialize(query)
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            guard let value = bind as? any PostgresThrowingDynamicTypeEncodable else { return nil }
            try bindings.append(value)
        }
        texts.withLock { texts in
            if texts[Self.name] == nil { texts[Self.name] = sql }
        }
        self.bindings = bindings
    }
}

/// The text of each prepared statement, by name.
private let texts = Mutex<[String: String]>([:])
