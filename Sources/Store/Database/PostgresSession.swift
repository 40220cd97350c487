import Logging
import PostgresKit
import SQLKit
import Synchronization

/// One pooled PostgreSQL connection as an `SQLDatabase`, which can run statements as named prepared statements.
///
/// postgres-kit sends every statement unnamed, so PostgreSQL parses, analyses and plans it anew at every run: for
/// the short statements of a request that is most of the server's work (creating a ticket spent a third of its
/// PostgreSQL CPU time planning and a sixth parsing). A prepared statement is parsed once per connection and, after
/// five runs with plans made for their values, usually runs with a generic plan made once. Only statements that
/// `SQLDatabase.preparing` marks run prepared: frequent ones whose plan does not depend on their values (lookups by
/// a unique key, `INSERT`s). A prepared `SELECT` names its columns, because PostgreSQL refuses to run one whose
/// result columns changed since it was prepared (`SELECT *` after a migration added a column).
struct PostgresSession: SQLDatabase {
    let connection: PostgresConnection
    /// Whether statements run as named prepared statements.
    let prepares: Bool
    private let unnamed: any SQLDatabase

    init(_ connection: PostgresConnection, prepares: Bool = false) {
        self.connection = connection
        self.prepares = prepares
        self.unnamed = connection.sql()
    }

    var logger: Logger { unnamed.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { unnamed.dialect }
    var queryLogLevel: Logger.Level? { unnamed.queryLogLevel }

    /// This connection with every statement prepared.
    var prepared: PostgresSession { PostgresSession(connection, prepares: true) }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        unnamed.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard prepares else { return try await unnamed.execute(sql: query, onRow) }
        let (sql, binds) = serialize(query)
        var bindings = PostgresBindings(capacity: binds.count)
        var types = ""
        for bind in binds {
            if (bind as? any OptionalBind)?.isNone == true {
                bindings.appendNull()
                types += "0,"
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable {
                try bindings.append(value)
                types += "\(value.psqlType.rawValue),"
            } else {
                // A value only postgres-kit knows how to encode (through `Encodable`).
                return try await unnamed.execute(sql: query, onRow)
            }
        }
        guard let name = StatementNames.shared.name(sql: sql, types: types) else {
            return try await unnamed.execute(sql: query, onRow)
        }
        let rows = try await NamedStatement.$current.withValue(NamedStatement.Text(name: name, sql: sql)) {
            try await connection.execute(NamedStatement(bindings: bindings), logger: logger)
        }
        for try await row in rows {
            onRow(row.sql())
        }
    }
}

extension SQLDatabase {
    /// This database, running statements as prepared statements where the engine gains by it (PostgreSQL; SQLite
    /// keeps its prepared statements anyway). For frequent statements whose plan does not depend on the bound values.
    var preparing: any SQLDatabase {
        (self as? PostgresSession)?.prepared ?? self
    }

    /// `preparing` for a multi-row statement: only for a few rows, since each number of rows is a statement of its own.
    func preparing(rows: Int) -> any SQLDatabase {
        rows <= 8 ? preparing : self
    }
}

/// A bound value that may be nil (SQLKit hands binds over as `any Encodable`, which hides an `Optional`).
private protocol OptionalBind {
    var isNone: Bool { get }
}

extension Optional: OptionalBind {
    var isNone: Bool { self == nil }
}

/// PostgresNIO prepares statements whose text is known to their type (`PostgresPreparedStatement`); this type reads
/// name and text from the running task, so that one type serves every statement.
private struct NamedStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        var name: String
        var sql: String
    }

    @TaskLocal static var current = Text(name: "", sql: "")

    static var name: String { current.name }
    static var sql: String { current.sql }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// The names of prepared statements, one per text and parameter types, the same on every connection of the process
/// (PostgreSQL fixes a statement's parameter types when it is prepared). At most `limit`: later statements run unnamed.
private final class StatementNames: Sendable {
    static let shared = StatementNames()
    static let limit = 500

    private let names = Mutex<[String: String]>([:])

    func name(sql: String, types: String) -> String? {
        names.withLock { names in
            let key = types + sql
            if let name = names[key] { return name }
            guard names.count < Self.limit else { return nil }
            let name = "tw\(names.count + 1)"
            names[key] = name
            return name
        }
    }
}
