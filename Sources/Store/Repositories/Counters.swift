import SQLKit

/// Database-backed counters, safe with many writers (an atomic upsert per increment, a prepared statement).
public struct Counters: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Increments the counter `name` and returns its new value (1 for a new counter).
    public func next(_ name: String) async throws -> Int64 {
        let row = try await db.preparing.raw("""
            INSERT INTO counters (name, value) VALUES (\(bind: name), 1)
            ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value
            """).first()
        guard let row else { throw StoreError.corrupt("counter \(name) returned nothing") }
        return try row.int64("value")
    }

    /// Increments the counter `name` by `count` and returns the first of the `count` values reserved.
    public func reserve(_ name: String, count: Int) async throws -> Int64 {
        let row = try await db.preparing.raw("""
            INSERT INTO counters (name, value) VALUES (\(bind: name), \(bind: count))
            ON CONFLICT (name) DO UPDATE SET value = counters.value + \(bind: count) RETURNING value
            """).first()
        guard let row else { throw StoreError.corrupt("counter \(name) returned nothing") }
        return try row.int64("value") - Int64(count) + 1
    }
}
