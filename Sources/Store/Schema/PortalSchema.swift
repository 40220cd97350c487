/// Migration 11: the self-service portal — catalogue categories, request forms with their versions, the portal
/// record of each request (form version, language, private status link), citizens' submissions awaiting
/// confirmation, the shared rate-limit ledger, the portal's mail texts and settings, and published solutions with
/// their full-text index (FTS5 on SQLite, a `tsvector` with a GIN index on PostgreSQL).
enum PortalSchema {
    static let migration = Migration(id: 11, name: "portal") { dialect in
        common + (dialect == .sqlite ? sqlite : postgres)
    }

    private static let common = [
        """
        CREATE TABLE portal_forms (id {ID}, name TEXT NOT NULL, version BIGINT NOT NULL, definition TEXT NOT NULL,
            created_at BIGINT NOT NULL, changed_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE portal_form_versions (form_id BIGINT NOT NULL REFERENCES portal_forms(id), version BIGINT NOT NULL,
            definition TEXT NOT NULL, created_at BIGINT NOT NULL, created_by BIGINT, PRIMARY KEY (form_id, version))
        """,
        """
        CREATE TABLE portal_categories (id {ID}, parent_id BIGINT REFERENCES portal_categories(id), title_de TEXT NOT NULL,
            title_en TEXT NOT NULL, description_de TEXT, description_en TEXT, icon TEXT, keywords TEXT NOT NULL,
            sort_order BIGINT NOT NULL, is_active BOOLEAN NOT NULL, visibility TEXT NOT NULL, organisation_ids TEXT NOT NULL,
            form_id BIGINT REFERENCES portal_forms(id), version BIGINT NOT NULL, created_at BIGINT NOT NULL, changed_at BIGINT NOT NULL)
        """,
        "CREATE INDEX portal_categories_parent ON portal_categories (parent_id, sort_order)",
        """
        CREATE TABLE portal_requests (ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id),
            form_id BIGINT REFERENCES portal_forms(id), form_version BIGINT, category_id BIGINT REFERENCES portal_categories(id),
            language TEXT NOT NULL, requester_email TEXT, requester_name TEXT, status_token_hash TEXT UNIQUE, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE portal_pending (id {ID}, token_hash TEXT NOT NULL UNIQUE, email TEXT NOT NULL,
            category_id BIGINT NOT NULL REFERENCES portal_categories(id), form_id BIGINT NOT NULL, form_version BIGINT NOT NULL,
            language TEXT NOT NULL, submission TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
            ticket_id BIGINT REFERENCES tickets(id))
        """,
        "CREATE INDEX portal_pending_expires ON portal_pending (expires_at)",
        "CREATE TABLE portal_rate_events (id {ID}, scope TEXT NOT NULL, subject TEXT NOT NULL, created_at BIGINT NOT NULL)",
        "CREATE INDEX portal_rate_events_subject ON portal_rate_events (scope, subject, created_at)",
        """
        CREATE TABLE portal_texts (kind TEXT NOT NULL, language TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
            PRIMARY KEY (kind, language))
        """,
    ]

    private static let sqlite = [
        """
        CREATE TABLE portal_solutions (article_id BIGINT PRIMARY KEY REFERENCES articles(id), ticket_id BIGINT NOT NULL REFERENCES tickets(id),
            published_by BIGINT, published_at BIGINT NOT NULL)
        """,
        "CREATE VIRTUAL TABLE portal_solutions_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
    ]

    private static let postgres = [
        """
        CREATE TABLE portal_solutions (article_id BIGINT PRIMARY KEY REFERENCES articles(id), ticket_id BIGINT NOT NULL REFERENCES tickets(id),
            published_by BIGINT, published_at BIGINT NOT NULL, document tsvector NOT NULL)
        """,
        "CREATE INDEX portal_solutions_document ON portal_solutions USING GIN (document)",
    ]
}
