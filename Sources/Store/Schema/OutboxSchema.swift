/// Migration 6: the mail outbox. Each row is one composed message with its envelope and delivery state; rows are
/// written in the transaction of the article they belong to and leased by one node at a time for sending.
enum OutboxSchema {
    static let migration = Migration(id: 6, name: "mail outbox") { _ in
        [
            """
            CREATE TABLE mail_outbox (id {ID}, ticket_id BIGINT REFERENCES tickets(id), article_id BIGINT REFERENCES articles(id),
                message_id TEXT NOT NULL, envelope_sender TEXT NOT NULL, envelope_recipients TEXT NOT NULL, content {BLOB} NOT NULL,
                status TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL, lease_owner TEXT, lease_until BIGINT,
                committing_at BIGINT, last_error TEXT, server_reply TEXT, created_at BIGINT NOT NULL, finished_at BIGINT)
            """,
            "CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at)",
            "CREATE INDEX mail_outbox_ticket ON mail_outbox (ticket_id, id)",
        ]
    }
}
