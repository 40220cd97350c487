/// Migration 34 (PostgreSQL only): item search never scans `cmdb_search` with parallel workers.
///
/// A search for one item's name matches one document, but PostgreSQL, estimating thousands of rows for a phrase of
/// common words, planned a parallel bitmap scan: the worker took 10–25 ms to start on a busy machine, for a scan of
/// 0.1 ms — twice per search, since a window holding less than a page is asked again without it. Item search pages
/// always stop after a window of 5,000 matches, which one process reads faster than two start.
enum CMDBSearchSerialSchema {
    static let migration = Migration(id: 34, name: "cmdb-search-serial") { dialect in
        switch dialect {
        case .sqlite: []
        case .postgres: ["ALTER TABLE cmdb_search SET (parallel_workers = 0)"]
        }
    }
}
