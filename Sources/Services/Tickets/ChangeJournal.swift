import Foundation
import SQLKit
import Store

/// The history entries and events of one use case, collected while it writes and appended together at its end:
/// one multi-row `INSERT` each instead of one statement (on PostgreSQL, events two) per row, and on PostgreSQL both
/// in one statement, together with a write the use case held back (`HeldWrite`).
struct ChangeJournal: Sendable {
    private(set) var history: [HistoryRepository.NewEntry] = []
    private(set) var events: [EventRepository.NewEvent] = []
    /// A write whose result nobody reads, sent with the history and events.
    var held = HeldWrite()

    mutating func record(ticketID: Int64, actorID: Int64?, field: String, old: String?, new: String?) {
        history.append(HistoryRepository.NewEntry(ticketID: ticketID, actorID: actorID, field: field, old: old, new: new))
    }

    mutating func record(event type: String, ticketID: Int64?, actorID: Int64?, payload: String) {
        events.append(EventRepository.NewEvent(type: type, ticketID: ticketID, actorID: actorID, payload: payload))
    }

    /// Writes what was recorded, in recording order, and empties the journal.
    mutating func write(to db: any SQLDatabase, at date: Date) async throws {
        try await EventRepository(db).append(events, history: history, with: held, at: date)
        history = []
        events = []
        held = HeldWrite()
    }
}
