/// Migration 35 (PostgreSQL only): events get their ids as their transaction commits.
///
/// An event's id must follow commit order, so that a reader that has seen id N never later finds a committed event
/// below N. Taking the id from the `events` counter while the transaction runs locked the counter row until the
/// commit, a round trip later: every other writer of events waited that long, which capped ticket creation. Events
/// are now inserted under a provisional negative id, and a deferred trigger gives each its id from the counter while
/// its transaction commits, in the order they were inserted; the counter row is locked only for the commit itself.
/// SQLite commits one writer at a time and numbers events as they are inserted.
enum EventOrderSchema {
    static let migration = Migration(id: 35, name: "event-commit-order") { dialect in
        switch dialect {
        case .sqlite: []
        case .postgres: [
            "CREATE SEQUENCE event_drafts",
            """
            CREATE FUNCTION events_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                committed BIGINT;
            BEGIN
                INSERT INTO counters (name, value) VALUES ('events', 1)
                    ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value INTO committed;
                UPDATE events SET id = committed WHERE id = NEW.id;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE CONSTRAINT TRIGGER events_in_commit_order AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (NEW.id < 0) EXECUTE FUNCTION events_in_commit_order()
            """,
        ]
        }
    }
}
