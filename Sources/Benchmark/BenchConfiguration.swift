/// What `ticketwerk bench` seeds and measures.
public struct BenchConfiguration: Sendable {
    /// Tickets to seed.
    public var tickets = 100_000
    /// Concurrent clients creating tickets.
    public var clients = 8
    /// Measured requests per figure; nil for each figure's default (see `BenchRunner`).
    public var requests: Int?
    /// Seed of the synthetic data and of the requests.
    public var seed: UInt64 = 20_260_101
    /// Seed, report the seed rate and stop.
    public var seedOnly = false
    /// Measure a database an earlier run seeded, without seeding.
    public var reuse = false
    /// Configuration items the CMDB phase imports before measuring its queries.
    public var items = 50_000
    /// Tickets per seeding transaction.
    public var batchSize = 2_000
    /// The load phases to run (all by default); `rss_under_load` covers whichever ran.
    public var phases: Set<BenchPhase> = Set(BenchPhase.allCases)

    public init() {}
}

/// A load phase of the benchmark and the figures it measures.
public enum BenchPhase: String, Sendable, CaseIterable {
    /// `open_ticket_p50`, `open_ticket_p99`
    case open
    /// `queue_view_p99`
    case queue
    /// `search_p95`
    case search
    /// `create_rest_throughput`
    case create
    /// `mail_intake_throughput`
    case mail
    /// `cmdb_import_seconds`, `cmdb_attribute_query_p95`, `cmdb_search_p95`, `cmdb_item_view_p99`, `cmdb_class_counts_p95`
    case cmdb
    /// `dashboard_page_p99`, `queue_page_p99`, `ui_assets_size`
    case pages
}
