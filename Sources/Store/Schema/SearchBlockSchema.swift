/// Migration 30 (PostgreSQL only): search indexes by ticket-id block, and a relevance window that searches the newest
/// blocks first.
///
/// `ticket_search_newest` (migration 18) collected the ids of every match from the GIN index, visited each match's
/// row and sorted them all to find the newest: a common word ("rechner", "update") matches a third of all tickets,
/// 330,000 rows at 1M tickets, so a search cost half a second whatever it ranked. Both GIN indexes now hold, beside
/// the document, the block of the ticket id (`ticket_id >> 14`, 16,384 tickets per block), so that one index scan
/// can ask for "matches in these blocks" and GIN intersects the word's posting list with the blocks', skipping the
/// rest. The function searches the two newest blocks first (16k–32k tickets), then the next 14, then 112 and so on,
/// each stage only if the newer ones held fewer than `newest` matches; the last stage, reaching the oldest ticket,
/// searches without the block condition, filtering by id. A stage's work is bounded by the matches within its blocks;
/// a stage that is searched at all has few, because the newer stages did not fill the window. The block of a ticket
/// never changes, so writes need nothing beyond the index: the writers and the bench seeder are as before.
///
/// As in migration 18 the function runs with sequential and plain index scans off (the planner does not see what
/// reading a document from TOAST costs); only the newest ticket id is read through the primary key.
enum SearchBlockSchema {
    static let migration = Migration(id: 30, name: "search-blocks") { dialect in
        switch dialect {
        case .sqlite: []
        case .postgres: postgres
        }
    }

    private static let postgres = [
        "SET LOCAL maintenance_work_mem = '256MB'",
        "CREATE INDEX ticket_search_document_block ON ticket_search USING GIN (document, (ARRAY[ticket_id >> 14]))",
        "CREATE INDEX ticket_search_customer_document_block ON ticket_search USING GIN (customer_document, (ARRAY[ticket_id >> 14]))",
        "DROP INDEX ticket_search_document, ticket_search_customer_document",
        """
        CREATE OR REPLACE FUNCTION ticket_search_newest(query tsquery, newest integer, customer boolean)
        RETURNS TABLE (ticket_id bigint, score real) LANGUAGE plpgsql STABLE
        SET enable_seqscan = off SET enable_indexscan = off SET max_parallel_workers_per_gather = 0
        AS $$
        DECLARE
            stage text := format('SELECT m.ticket_id, ts_rank(m.document, $1) FROM (SELECT s.ticket_id, s.%1$I AS document
                FROM ticket_search s WHERE s.%1$I @@ $1 AND %2$s ORDER BY s.ticket_id DESC LIMIT $3) m',
                CASE WHEN customer THEN 'customer_document' ELSE 'document' END, '%s');
            newest_block bigint;
            searched bigint := 0;
            span bigint := 2;
            found bigint := 0;
            stage_rows bigint;
        BEGIN
            PERFORM set_config('enable_indexscan', 'on', true);
            newest_block := COALESCE((SELECT max(s.ticket_id) FROM ticket_search s), 0) >> 14;
            PERFORM set_config('enable_indexscan', 'off', true);
            LOOP
                IF newest_block - span < 0 THEN
                    RETURN QUERY EXECUTE format(stage, 's.ticket_id < $2') USING query, (newest_block - searched + 1) << 14, newest - found;
                    RETURN;
                END IF;
                RETURN QUERY EXECUTE format(stage, 'ARRAY[s.ticket_id >> 14] && $2')
                    USING query, ARRAY(SELECT generate_series(newest_block - span + 1, newest_block - searched)), newest - found;
                GET DIAGNOSTICS stage_rows = ROW_COUNT;
                found := found + stage_rows;
                IF found >= newest THEN RETURN; END IF;
                searched := span;
                span := span * 8;
            END LOOP;
        END
        $$
        """,
    ]
}
