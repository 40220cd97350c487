/// Migration 9: queue mail texts (signature, automatic answers per kind and language) and the per-address
/// daily count of automatic answers that caps them.
enum AutoResponseSchema {
    static let migration = Migration(id: 9, name: "queue mail texts") { _ in
        [
            """
            CREATE TABLE queue_mail_texts (queue_id BIGINT NOT NULL REFERENCES queues(id), kind TEXT NOT NULL, language TEXT NOT NULL,
                subject TEXT, body TEXT NOT NULL, PRIMARY KEY (queue_id, kind, language))
            """,
            "CREATE TABLE auto_response_counts (address TEXT NOT NULL, day TEXT NOT NULL, count BIGINT NOT NULL, PRIMARY KEY (address, day))",
        ]
    }
}
