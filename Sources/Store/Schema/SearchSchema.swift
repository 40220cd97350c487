/// Migration 2: the full-text index, one document per ticket.
///
/// SQLite: an FTS5 table whose rowid is the ticket id, with a `head` column (number, title, field texts)
/// weighted above the `body` column (article subjects, addresses, bodies, attachment names).
/// PostgreSQL: a `tsvector` per ticket (German and English stemming, the head at weight A) with a GIN index.
enum SearchSchema {
    static let migration = Migration(id: 2, name: "search") { dialect in
        switch dialect {
        case .sqlite:
            ["CREATE VIRTUAL TABLE ticket_fts USING fts5(head, body, tokenize = 'unicode61 remove_diacritics 0')"]
        case .postgres:
            [
                "CREATE TABLE ticket_search (ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id), document tsvector NOT NULL)",
                "CREATE INDEX ticket_search_document ON ticket_search USING GIN (document)",
            ]
        }
    }
}
