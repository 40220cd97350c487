/// Migration 5: business calendars, SLAs, a calendar per queue, and per-ticket SLA clocks.
///
/// The clocks are JSON (`sla_clocks`); next to them sit the indexed columns of `TicketSLASummary`.
/// `escalation_at` is never NULL so that one plain index serves "sort by escalation time":
/// tickets without a due time hold `SLAColumns.noEscalation`, far in the future, and sort last.
enum SLASchema {
    static let migration = Migration(id: 5, name: "sla") { _ in statements }

    private static let statements = [
        """
        CREATE TABLE calendars (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,
            comment TEXT, is_active BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE slas (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, calendar_id BIGINT REFERENCES calendars(id),
            first_response_minutes BIGINT, update_minutes BIGINT, solution_minutes BIGINT, warn_at_percent BIGINT NOT NULL,
            phone_tickets TEXT NOT NULL, comment TEXT, is_active BOOLEAN NOT NULL)
        """,
        "ALTER TABLE queues ADD COLUMN calendar_id BIGINT REFERENCES calendars(id)",
        "ALTER TABLE tickets ADD COLUMN sla_id BIGINT REFERENCES slas(id)",
        "ALTER TABLE tickets ADD COLUMN sla_clocks TEXT",
        "ALTER TABLE tickets ADD COLUMN escalation_at BIGINT NOT NULL DEFAULT \(SLAColumns.noEscalation)",
        "ALTER TABLE tickets ADD COLUMN sla_warn_at BIGINT",
        "ALTER TABLE tickets ADD COLUMN sla_breached BOOLEAN NOT NULL DEFAULT FALSE",
        "ALTER TABLE tickets ADD COLUMN sla_paused BOOLEAN NOT NULL DEFAULT FALSE",
        "ALTER TABLE tickets ADD COLUMN sla_next_deadline BIGINT",
        "CREATE INDEX tickets_escalation ON tickets (escalation_at, id)",
        "CREATE INDEX tickets_queue_escalation ON tickets (queue_id, escalation_at, id)",
        "CREATE INDEX tickets_sla_next_deadline ON tickets (sla_next_deadline) WHERE sla_next_deadline IS NOT NULL",
    ]
}
