/// Migration 24: saved ticket lists ("views") of agents, private or shared with every agent.
enum TicketViewSchema {
    static let migration = Migration(id: 24, name: "ticket-views") { _ in statements }

    private static let statements = [
        """
        CREATE TABLE ticket_views (id {ID}, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL,
            name_key TEXT NOT NULL, filter TEXT NOT NULL, is_shared BOOLEAN NOT NULL, created_at BIGINT NOT NULL,
            UNIQUE (user_id, name_key))
        """,
        "CREATE INDEX ticket_views_shared ON ticket_views (is_shared)",
    ]
}
