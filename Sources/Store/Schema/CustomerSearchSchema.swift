/// Migration 4: a second full-text document per ticket with only what customers may see — customer-visible
/// articles, their attachments' names and customer-visible field texts — so that a customer's search cannot
/// reveal what internal notes or internal fields say.
///
/// SQLite: the FTS5 table `ticket_customer_fts`, shaped like `ticket_fts`. PostgreSQL: the column
/// `ticket_search.customer_document` with its own GIN index. Both are filled for existing tickets.
enum CustomerSearchSchema {
    static let migration = Migration(id: 4, name: "customer search") { dialect in
        switch dialect {
        case .sqlite:
            [
                "CREATE VIRTUAL TABLE ticket_customer_fts USING fts5(head, body, tokenize = 'unicode61 remove_diacritics 0')",
                "INSERT INTO ticket_customer_fts (rowid, head, body) SELECT id, head, body FROM (\(documents(aggregate: "group_concat", unitSeparator: "char(31)")))",
            ]
        case .postgres:
            [
                "ALTER TABLE ticket_search ADD COLUMN customer_document tsvector NOT NULL DEFAULT ''::tsvector",
                "CREATE INDEX ticket_search_customer_document ON ticket_search USING GIN (customer_document)",
                """
                UPDATE ticket_search s SET customer_document = setweight(to_tsvector('german', d.head), 'A')
                    || setweight(to_tsvector('english', d.head), 'A') || to_tsvector('german', d.body) || to_tsvector('english', d.body)
                FROM (\(documents(aggregate: "string_agg", unitSeparator: "chr(31)"))) d WHERE d.id = s.ticket_id
                """,
            ]
        }
    }

    /// Per ticket: the head (number, title, customer-visible text and option fields) and the body (subject,
    /// addresses and text of customer-visible articles, names of their attachments).
    private static func documents(aggregate: String, unitSeparator: String) -> String {
        """
        SELECT t.id,
            t.number || ' ' || t.title || COALESCE((SELECT ' ' || \(aggregate)(replace(fv.text_value, \(unitSeparator), ' '), ' ')
                FROM field_values fv JOIN field_definitions fd ON fd.id = fv.field_id
                WHERE fv.object = 'ticket' AND fv.object_id = t.id AND fd.customer_visible
                AND fd.type IN ('text', 'textarea', 'select', 'multiselect')), '') AS head,
            COALESCE((SELECT \(aggregate)(COALESCE(a.subject, '') || ' ' || COALESCE(a.from_address, '') || ' ' || COALESCE(a.to_address, '')
                || ' ' || COALESCE(a.cc_address, '') || ' ' || a.body_text, ' ')
                FROM articles a WHERE a.ticket_id = t.id AND a.customer_visible), '')
            || COALESCE((SELECT ' ' || \(aggregate)(f.filename, ' ') FROM attachments f JOIN articles a ON a.id = f.article_id
                WHERE f.ticket_id = t.id AND a.customer_visible), '') AS body
        FROM tickets t
        """
    }
}
