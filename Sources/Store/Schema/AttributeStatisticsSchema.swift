/// Migration 27 (PostgreSQL only): a statistics object beside every CMDB attribute index that exists already.
///
/// `CIAttributeIndexes` creates one with each new index (see there for why); this gives the indexes of existing
/// installations theirs. The expression is taken from the stored `CREATE INDEX` statement; the statistics fill
/// on the next `ANALYZE` (autovacuum, or the one at the end of this migration).
enum AttributeStatisticsSchema {
    static let migration = Migration(id: 27, name: "cmdb-attribute-statistics") { dialect in
        switch dialect {
        case .sqlite: []
        case .postgres: postgres
        }
    }

    private static let postgres = [
        """
        DO $$
        DECLARE index_row RECORD;
        BEGIN
            FOR index_row IN SELECT name, statement FROM cmdb_attribute_indexes LOOP
                EXECUTE format('CREATE STATISTICS IF NOT EXISTS %I ON (%s) FROM cmdb_items',
                    'cmdb_s' || substr(index_row.name, length('cmdb_a') + 1),
                    substring(index_row.statement FROM 'ON cmdb_items \\((.*)\\) WHERE class_id'));
            END LOOP;
        END
        $$
        """,
        "ANALYZE cmdb_items",
    ]
}
