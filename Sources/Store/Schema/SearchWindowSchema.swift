/// Migration 18 (PostgreSQL only): narrow search rows, and the function that ranks the newest matches of a search.
///
/// A relevance search ranks only the newest matches (`TicketListQuery.relevanceWindow`). PostgreSQL finds them
/// with the GIN index, which names table rows, not tickets: every match's row is visited to learn its ticket id
/// and to sort by it. With the documents inline (each about 1 KB compressed) the table held ten rows per page,
/// and a common word — a third of all tickets — visited nearly every page, most of them outside shared buffers.
/// The documents now live out of line, uncompressed (`STORAGE EXTERNAL`; `toast_tuple_target` at its minimum so
/// that both documents of a row move out once the row is too long): a row is about 70 bytes, the table a quarter
/// of its former size. Existing rows are copied into a new table in ticket order; `|| ''` hands over each
/// document as a fresh, uncompressed value so that it is stored the new way.
///
/// `ticket_search_newest(query, newest, customer)` returns the ticket ids and `ts_rank` scores of the `newest`
/// newest tickets whose full (or, with `customer`, customer) document matches `query`. It pins the one plan that
/// is fast whatever the word's frequency: the GIN bitmap and a top-N sort by ticket id. Left to itself, the
/// planner walks the primary key backwards for a common word, or scans the whole table, testing each row's
/// document — reading it from the TOAST table, which its cost model does not see (65 ms and 750 ms instead of
/// 10 ms for "rechner" at 100k tickets).
///
/// Migration 30 (`SearchBlockSchema`) replaces the GIN indexes and the function: it searches the newest blocks of
/// ticket ids first, so that a common word no longer costs a visit to every match.
enum SearchWindowSchema {
    static let migration = Migration(id: 18, name: "search-window") { dialect in
        switch dialect {
        case .sqlite: []
        case .postgres: postgres
        }
    }

    private static let postgres = [
        """
        CREATE TABLE ticket_search_narrow (ticket_id BIGINT NOT NULL, document tsvector NOT NULL,
            customer_document tsvector NOT NULL DEFAULT ''::tsvector) WITH (toast_tuple_target = 128)
        """,
        "ALTER TABLE ticket_search_narrow ALTER COLUMN document SET STORAGE EXTERNAL, ALTER COLUMN customer_document SET STORAGE EXTERNAL",
        """
        INSERT INTO ticket_search_narrow (ticket_id, document, customer_document)
        SELECT ticket_id, document || ''::tsvector, customer_document || ''::tsvector FROM ticket_search ORDER BY ticket_id
        """,
        "DROP TABLE ticket_search",
        "ALTER TABLE ticket_search_narrow RENAME TO ticket_search",
        """
        ALTER TABLE ticket_search ADD CONSTRAINT ticket_search_pkey PRIMARY KEY (ticket_id),
            ADD CONSTRAINT ticket_search_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES tickets(id)
        """,
        "CREATE INDEX ticket_search_document ON ticket_search USING GIN (document)",
        "CREATE INDEX ticket_search_customer_document ON ticket_search USING GIN (customer_document)",
        """
        CREATE FUNCTION ticket_search_newest(query tsquery, newest integer, customer boolean)
        RETURNS TABLE (ticket_id bigint, score real) LANGUAGE sql STABLE
        SET enable_seqscan = off SET enable_indexscan = off SET max_parallel_workers_per_gather = 0
        AS $$
            SELECT m.ticket_id, ts_rank(m.document, query) FROM (SELECT s.ticket_id, s.document FROM ticket_search s
                WHERE NOT customer AND s.document @@ query ORDER BY s.ticket_id DESC LIMIT newest) m
            UNION ALL
            SELECT m.ticket_id, ts_rank(m.document, query) FROM (SELECT s.ticket_id, s.customer_document AS document FROM ticket_search s
                WHERE customer AND s.customer_document @@ query ORDER BY s.ticket_id DESC LIMIT newest) m
        $$
        """,
    ]
}
