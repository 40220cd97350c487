import Domain
import Foundation
import SQLKit

/// Per-user ticket associations: watchers, booked time, seen marks.
public struct TicketAssociations: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Adds a watcher; returns false when the user already watched the ticket.
    public func addWatcher(ticketID: Int64, userID: Int64, at date: Date) async throws -> Bool {
        let rows = try await db.raw("""
            INSERT INTO watchers (ticket_id, user_id, created_at) VALUES (\(bind: ticketID), \(bind: userID), \(bind: date.millis))
            ON CONFLICT (ticket_id, user_id) DO NOTHING RETURNING user_id
            """).all()
        return !rows.isEmpty
    }

    /// Removes a watcher; returns whether there was one.
    public func removeWatcher(ticketID: Int64, userID: Int64) async throws -> Bool {
        let rows = try await db.raw("DELETE FROM watchers WHERE ticket_id = \(bind: ticketID) AND user_id = \(bind: userID) RETURNING user_id").all()
        return !rows.isEmpty
    }

    public func watchers(ofTicket ticketID: Int64) async throws -> [Int64] {
        try await db.raw("SELECT user_id FROM watchers WHERE ticket_id = \(bind: ticketID) ORDER BY user_id").all().map { try $0.int64("user_id") }
    }

    public func insertTimeEntry(_ entry: TimeEntry) async throws -> TimeEntry {
        let row = try await db.raw("""
            INSERT INTO time_entries (ticket_id, user_id, minutes, note, created_at)
            VALUES (\(bind: entry.ticketID), \(bind: entry.userID), \(bind: Int64(entry.minutes)), \(bind: entry.note), \(bind: entry.createdAt.millis))
            RETURNING id
            """).first()
        var stored = entry
        stored.id = try row?.int64("id") ?? 0
        return stored
    }

    public func timeEntries(ofTicket ticketID: Int64) async throws -> [TimeEntry] {
        try await db.raw("SELECT * FROM time_entries WHERE ticket_id = \(bind: ticketID) ORDER BY id").all().map { row in
            TimeEntry(
                id: try row.int64("id"), ticketID: try row.int64("ticket_id"), userID: try row.int64("user_id"),
                minutes: Int(try row.int64("minutes")), note: try row.stringOrNil("note"), createdAt: try row.date("created_at")
            )
        }
    }

    public func markSeen(ticketID: Int64, userID: Int64, at date: Date) async throws {
        try await db.raw("""
            INSERT INTO seen (ticket_id, user_id, seen_at) VALUES (\(bind: ticketID), \(bind: userID), \(bind: date.millis))
            ON CONFLICT (user_id, ticket_id) DO UPDATE SET seen_at = excluded.seen_at
            """).run()
    }

    public func seenAt(ticketID: Int64, userID: Int64) async throws -> Date? {
        try await db.raw("SELECT seen_at FROM seen WHERE ticket_id = \(bind: ticketID) AND user_id = \(bind: userID)").first()?.date("seen_at")
    }

    /// Moves watchers, time entries and seen marks of a merged ticket to the surviving one.
    public func move(fromTicket: Int64, toTicket: Int64) async throws {
        try await db.raw("""
            INSERT INTO watchers (ticket_id, user_id, created_at) SELECT \(bind: toTicket), user_id, created_at FROM watchers
            WHERE ticket_id = \(bind: fromTicket) ON CONFLICT (ticket_id, user_id) DO NOTHING
            """).run()
        try await db.raw("DELETE FROM watchers WHERE ticket_id = \(bind: fromTicket)").run()
        try await db.raw("UPDATE time_entries SET ticket_id = \(bind: toTicket) WHERE ticket_id = \(bind: fromTicket)").run()
    }
}
