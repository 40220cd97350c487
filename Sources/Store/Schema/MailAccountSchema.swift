/// Migration 7: IMAP mail accounts with their poll status and lease, and the messages whose intake keeps failing.
///
/// `lease_owner`/`lease_until` let one node at a time poll an account; `mail_message_failures` counts failed
/// intakes per message (by UIDVALIDITY and UID) so that a message that can never be imported is skipped, not retried forever.
enum MailAccountSchema {
    static let migration = Migration(id: 7, name: "mail-accounts") { _ in statements }

    private static let statements = [
        """
        CREATE TABLE mail_accounts (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, host TEXT NOT NULL,
            port BIGINT NOT NULL, security TEXT NOT NULL, username TEXT NOT NULL, password TEXT NOT NULL, folder TEXT NOT NULL,
            queue_id BIGINT NOT NULL REFERENCES queues(id), is_trusted BOOLEAN NOT NULL, after_import TEXT NOT NULL,
            move_folder TEXT, poll_interval BIGINT NOT NULL, is_active BOOLEAN NOT NULL, created_at BIGINT NOT NULL,
            last_poll_at BIGINT, last_success_at BIGINT, last_error TEXT, imported_count BIGINT NOT NULL,
            failures BIGINT NOT NULL, next_poll_at BIGINT NOT NULL, lease_owner TEXT, lease_until BIGINT)
        """,
        "CREATE INDEX mail_accounts_due ON mail_accounts (is_active, next_poll_at)",
        """
        CREATE TABLE mail_message_failures (account_id BIGINT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
            uid_validity BIGINT NOT NULL, uid BIGINT NOT NULL, attempts BIGINT NOT NULL, last_error TEXT NOT NULL,
            failed_at BIGINT NOT NULL, PRIMARY KEY (account_id, uid_validity, uid))
        """,
    ]
}
