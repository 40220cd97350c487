/// Migration 10: postmaster filters (conditions and actions as JSON) and the mails they dropped, kept raw.
enum MailFilterSchema {
    static let migration = Migration(id: 10, name: "mail-filters") { _ in statements }

    private static let statements = [
        """
        CREATE TABLE mail_filters (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, position BIGINT NOT NULL,
            is_active BOOLEAN NOT NULL, conditions TEXT NOT NULL, actions TEXT NOT NULL, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE ignored_mails (id {ID}, received_at BIGINT NOT NULL, filter_name TEXT NOT NULL, subject TEXT,
            from_address TEXT, message_id TEXT, size BIGINT NOT NULL, raw {BLOB} NOT NULL)
        """,
        "CREATE INDEX ignored_mails_received ON ignored_mails (received_at, id)",
    ]
}
