import SQLKit

/// A write whose result nobody reads, held back to go out with a use case's last statement.
///
/// On PostgreSQL every statement is a round trip, which costs both sides more CPU than a short write itself. A held
/// write becomes a data-modifying `WITH` clause of the statement that appends the use case's history and events
/// (`EventRepository.append(_:history:with:at:)`). Such a clause runs with that statement's snapshot, so nothing in
/// between may read what the held write changes; and one statement must not change a row twice, so at most one write
/// is held: holding another sends the first on its own. SQLite has no round trips; nothing is held there.
public struct HeldWrite: Sendable {
    private(set) var statement: SQLQueryString?

    public init() {}

    /// Holds `statement` back, after sending a write held before (on `db`).
    mutating func hold(_ statement: SQLQueryString, on db: any SQLDatabase) async throws {
        try await send(on: db)
        self.statement = statement
    }

    /// Sends the held write on its own, if there is one.
    public mutating func send(on db: any SQLDatabase) async throws {
        guard let held = statement else { return }
        statement = nil
        try await db.preparing.raw(held).run()
    }
}
