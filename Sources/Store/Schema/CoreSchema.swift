/// Migration 1: people, access, master data, tickets, articles, attachments, history, links, fields, events.
///
/// Timestamps are milliseconds since 1970 (`BIGINT`); `*_key` columns hold the lowercased name for
/// case-insensitive uniqueness on both engines.
enum CoreSchema {
    static let migration = Migration(id: 1, name: "core") { _ in statements }

    private static let statements = [
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",

        """
        CREATE TABLE organisations (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,
            parent_id BIGINT REFERENCES organisations(id), is_active BOOLEAN NOT NULL, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE organisation_domains (organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
            pattern TEXT NOT NULL, PRIMARY KEY (organisation_id, pattern))
        """,
        "CREATE INDEX organisation_domains_pattern ON organisation_domains (pattern)",
        """
        CREATE TABLE contacts (id {ID}, first_name TEXT NOT NULL, last_name TEXT NOT NULL, phones TEXT NOT NULL,
            organisation_id BIGINT REFERENCES organisations(id), is_active BOOLEAN NOT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX contacts_organisation ON contacts (organisation_id)",
        """
        CREATE TABLE contact_emails (contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            email TEXT NOT NULL UNIQUE, position BIGINT NOT NULL)
        """,
        "CREATE INDEX contact_emails_contact ON contact_emails (contact_id)",
        """
        CREATE TABLE users (id {ID}, login TEXT NOT NULL, login_key TEXT NOT NULL UNIQUE, email TEXT,
            first_name TEXT NOT NULL, last_name TEXT NOT NULL, password_hash TEXT,
            is_agent BOOLEAN NOT NULL, is_customer BOOLEAN NOT NULL, is_admin BOOLEAN NOT NULL,
            contact_id BIGINT REFERENCES contacts(id), sees_organisation BOOLEAN NOT NULL,
            locale TEXT NOT NULL, is_active BOOLEAN NOT NULL, totp_secret TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE TABLE roles (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, comment TEXT)",
        """
        CREATE TABLE user_roles (user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE, PRIMARY KEY (user_id, role_id))
        """,
        """
        CREATE TABLE api_tokens (id {ID}, user_id BIGINT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, last_used_at BIGINT, revoked_at BIGINT)
        """,
        """
        CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),
            csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
        """,
        "CREATE TABLE login_failures (login_key TEXT NOT NULL, failed_at BIGINT NOT NULL)",
        "CREATE INDEX login_failures_key ON login_failures (login_key, failed_at)",

        """
        CREATE TABLE queues (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, parent_id BIGINT REFERENCES queues(id),
            system_address TEXT, follow_up_policy TEXT NOT NULL, comment TEXT, is_active BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE role_queue_rights (role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
            queue_id BIGINT NOT NULL REFERENCES queues(id), rights BIGINT NOT NULL, PRIMARY KEY (role_id, queue_id))
        """,
        """
        CREATE TABLE states (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, name_en TEXT, type TEXT NOT NULL,
            suspends_sla BOOLEAN NOT NULL, is_active BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE priorities (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, name_en TEXT, rank BIGINT NOT NULL,
            is_active BOOLEAN NOT NULL)
        """,
        "CREATE TABLE ticket_types (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, name_en TEXT, is_active BOOLEAN NOT NULL)",
        """
        CREATE TABLE services (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, parent_id BIGINT REFERENCES services(id),
            comment TEXT, is_active BOOLEAN NOT NULL)
        """,

        """
        CREATE TABLE tickets (id {ID}, number TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
            queue_id BIGINT NOT NULL REFERENCES queues(id), state_id BIGINT NOT NULL REFERENCES states(id),
            priority_id BIGINT NOT NULL REFERENCES priorities(id), type_id BIGINT REFERENCES ticket_types(id),
            service_id BIGINT REFERENCES services(id), owner_id BIGINT REFERENCES users(id),
            responsible_id BIGINT REFERENCES users(id), contact_id BIGINT REFERENCES contacts(id),
            organisation_id BIGINT REFERENCES organisations(id), pending_until BIGINT,
            merged_into_id BIGINT REFERENCES tickets(id), created_at BIGINT NOT NULL, changed_at BIGINT NOT NULL,
            created_by BIGINT, version BIGINT NOT NULL)
        """,
        "CREATE INDEX tickets_queue_state ON tickets (queue_id, state_id, id)",
        "CREATE INDEX tickets_changed ON tickets (changed_at, id)",
        "CREATE INDEX tickets_created ON tickets (created_at, id)",
        "CREATE INDEX tickets_owner ON tickets (owner_id, state_id)",
        "CREATE INDEX tickets_responsible ON tickets (responsible_id, state_id)",
        "CREATE INDEX tickets_contact ON tickets (contact_id)",
        "CREATE INDEX tickets_organisation ON tickets (organisation_id)",

        """
        CREATE TABLE articles (id {ID}, ticket_id BIGINT NOT NULL REFERENCES tickets(id), channel TEXT NOT NULL,
            sender TEXT NOT NULL, customer_visible BOOLEAN NOT NULL, from_address TEXT, to_address TEXT, cc_address TEXT,
            subject TEXT, body_text TEXT NOT NULL, body_html TEXT, message_id TEXT, in_reply_to TEXT, refs TEXT,
            created_at BIGINT NOT NULL, created_by BIGINT)
        """,
        "CREATE INDEX articles_ticket ON articles (ticket_id, id)",
        "CREATE INDEX articles_message_id ON articles (message_id)",
        "CREATE TABLE blobs (digest TEXT PRIMARY KEY, size BIGINT NOT NULL, content {BLOB} NOT NULL)",
        """
        CREATE TABLE attachments (id {ID}, article_id BIGINT NOT NULL REFERENCES articles(id),
            ticket_id BIGINT NOT NULL REFERENCES tickets(id), filename TEXT NOT NULL, content_type TEXT NOT NULL,
            size BIGINT NOT NULL, digest TEXT NOT NULL REFERENCES blobs(digest), content_id TEXT)
        """,
        "CREATE INDEX attachments_article ON attachments (article_id)",
        "CREATE INDEX attachments_ticket ON attachments (ticket_id)",

        """
        CREATE TABLE history (id {ID}, ticket_id BIGINT NOT NULL REFERENCES tickets(id), actor_id BIGINT,
            field TEXT NOT NULL, old_value TEXT, new_value TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX history_ticket ON history (ticket_id, id)",
        """
        CREATE TABLE links (id {ID}, type TEXT NOT NULL, source_ticket_id BIGINT NOT NULL REFERENCES tickets(id),
            target_object TEXT NOT NULL, target_id BIGINT NOT NULL, created_at BIGINT NOT NULL, created_by BIGINT,
            UNIQUE (type, source_ticket_id, target_object, target_id))
        """,
        "CREATE INDEX links_target ON links (target_object, target_id)",
        """
        CREATE TABLE watchers (ticket_id BIGINT NOT NULL REFERENCES tickets(id), user_id BIGINT NOT NULL REFERENCES users(id),
            created_at BIGINT NOT NULL, PRIMARY KEY (ticket_id, user_id))
        """,
        "CREATE INDEX watchers_user ON watchers (user_id)",
        """
        CREATE TABLE time_entries (id {ID}, ticket_id BIGINT NOT NULL REFERENCES tickets(id),
            user_id BIGINT NOT NULL REFERENCES users(id), minutes BIGINT NOT NULL, note TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX time_entries_ticket ON time_entries (ticket_id)",
        """
        CREATE TABLE seen (ticket_id BIGINT NOT NULL REFERENCES tickets(id), user_id BIGINT NOT NULL REFERENCES users(id),
            seen_at BIGINT NOT NULL, PRIMARY KEY (user_id, ticket_id))
        """,

        """
        CREATE TABLE field_definitions (id {ID}, name TEXT NOT NULL UNIQUE, label TEXT NOT NULL, object TEXT NOT NULL,
            type TEXT NOT NULL, required BOOLEAN NOT NULL, regex TEXT, options TEXT NOT NULL, customer_visible BOOLEAN NOT NULL,
            minimum DOUBLE PRECISION, maximum DOUBLE PRECISION, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE field_values (object TEXT NOT NULL, object_id BIGINT NOT NULL,
            field_id BIGINT NOT NULL REFERENCES field_definitions(id), value TEXT NOT NULL, text_value TEXT,
            number_value DOUBLE PRECISION, PRIMARY KEY (object, object_id, field_id))
        """,
        "CREATE INDEX field_values_text ON field_values (field_id, text_value)",
        "CREATE INDEX field_values_number ON field_values (field_id, number_value)",

        """
        CREATE TABLE events (id {ID}, type TEXT NOT NULL, ticket_id BIGINT, actor_id BIGINT, payload TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
    ]
}
