import Foundation
import Logging
import SQLKit
import Store

/// Checks a database before the benchmark migrates and seeds it: it must be empty (or be emptied with
/// `reset`), or, to measure again, hold what an earlier `bench` seeded.
public enum BenchDatabase {
    /// The settings keys an earlier seeding leaves behind.
    static let ticketsKey = "bench.tickets"
    static let showcaseKey = "bench.showcase_ticket"

    /// Throws a clear error unless the database at `location` can be used as asked.
    /// With `reset`, drops every table first (SQLite: deletes the file).
    public static func prepare(_ location: Database.Location, reset: Bool, reuse: Bool, logger: Logger) async throws {
        if reset {
            try await empty(location, logger: logger)
            return
        }
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            if reuse { throw BenchError.notSeeded("There is no database at \(path) to reuse; seed one with --seed-only first.") }
            return
        }
        let database = try await Database.open(location, logger: logger)
        do {
            let (tickets, seeded) = try await database.read { db -> (Int64?, String?) in
                guard try await tableExists("tickets", db: db, dialect: database.dialect) else { return (nil, nil) }
                let count = try await db.raw("SELECT COUNT(*) AS n FROM tickets").first()?.decode(column: "n", as: Int64.self) ?? 0
                return (count, try await Settings(db).value(ticketsKey))
            }
            await database.close()
            if reuse, seeded == nil {
                throw BenchError.notSeeded("The database was not seeded by `ticketwerk bench`; seed it with --seed-only first (or leave out --reuse).")
            }
            if !reuse, let tickets, tickets > 0 {
                throw BenchError.notEmpty("""
                    The database already holds \(tickets) tickets. The benchmark needs an empty database: pass --reset to \
                    drop everything in it, or --reuse to measure a database an earlier `ticketwerk bench --seed-only` filled.
                    """)
            }
        } catch {
            await database.close()
            throw error
        }
    }

    /// Drops every table, sequence and function (PostgreSQL, in the current schema) or deletes the SQLite file.
    static func empty(_ location: Database.Location, logger: Logger) async throws {
        switch location {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.removeItem(atPath: path + suffix)
            }
        case .postgres:
            let database = try await Database.open(location, logger: logger)
            do {
                try await database.transaction { db in
                    let tables = try await db.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").all()
                        .map { try $0.decode(column: "tablename", as: String.self) }
                    for table in tables {
                        try await db.raw("DROP TABLE IF EXISTS \(ident: table) CASCADE").run()
                    }
                    // Sequences of no table's column (identity columns' went with their tables).
                    let sequences = try await db.raw("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()").all()
                        .map { try $0.decode(column: "sequencename", as: String.self) }
                    for sequence in sequences {
                        try await db.raw("DROP SEQUENCE IF EXISTS \(ident: sequence) CASCADE").run()
                    }
                    let functions = try await db.raw("""
                        SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
                        WHERE p.pronamespace = current_schema()::regnamespace
                        """).all().map { try $0.decode(column: "signature", as: String.self) }
                    for function in functions {
                        try await db.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: function) CASCADE").run()
                    }
                }
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }

    static func tableExists(_ table: String, db: any SQLDatabase, dialect: Dialect) async throws -> Bool {
        switch dialect {
        case .sqlite:
            try await db.raw("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)").first() != nil
        case .postgres:
            try await db.raw("SELECT 1 AS x FROM pg_tables WHERE schemaname = current_schema() AND tablename = \(bind: table)").first() != nil
        }
    }
}
