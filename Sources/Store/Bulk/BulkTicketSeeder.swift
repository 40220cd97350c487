import Domain
import Foundation
import SQLKit

/// Fills a migrated database with many realistic tickets fast, for benchmarks and load tests.
///
/// Writes straight through the store, not through the use cases: multi-row `INSERT`s in one transaction per
/// batch, ids assigned up front, the next batch generated while the previous one is written. The rows are
/// the ones the normal write path leaves behind — tickets, articles, history, and both search documents
/// (`ticket_fts` and `ticket_customer_fts` on SQLite, `ticket_search` on PostgreSQL) with the same head and
/// body texts `SearchIndex` and the article writer build — except the event log, which benchmarks do not read.
///
/// Before the tickets it adds what they refer to: one organisation per department, contacts (staff and
/// citizens, about one per 20 tickets) and 50 agents in the first role. Texts come from `HelpDeskText`;
/// the same seed gives the same data.
public struct BulkTicketSeeder: Sendable {
    /// What to seed.
    public struct Options: Sendable {
        public var tickets: Int
        public var seed: UInt64
        /// Ticket numbers: the installation's system id and time zone, as `TicketService` uses them.
        public var systemID: Int
        public var timeZone: TimeZone
        /// Tickets are spread evenly over `span` seconds up to `now`.
        public var now: Date
        public var span: TimeInterval
        public var batchSize: Int
        public var agents: Int
        /// The articles of the one showcase ticket (the middle one).
        public var showcaseArticles: Int

        public init(
            tickets: Int, seed: UInt64 = 20_260_101, systemID: Int = 10,
            timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt, now: Date = Date(),
            span: TimeInterval = 2 * 365 * 86_400, batchSize: Int = 2_000, agents: Int = 50, showcaseArticles: Int = 20
        ) {
            self.tickets = tickets
            self.seed = seed
            self.systemID = systemID
            self.timeZone = timeZone
            self.now = now
            self.span = span
            self.batchSize = batchSize
            self.agents = agents
            self.showcaseArticles = showcaseArticles
        }
    }

    /// What was seeded.
    public struct Report: Sendable {
        public var tickets: Int
        public var articles: Int
        public var contacts: Int
        /// The ticket with `showcaseArticles` articles.
        public var showcaseTicketID: Int64
        /// Seconds spent writing tickets (without the people before and the statistics after).
        public var seconds: Double
    }

    let database: Database
    let options: Options

    public init(database: Database, options: Options) {
        self.database = database
        self.options = options
    }

    /// Seeds people and tickets; `progress` hears the number of tickets written after every batch.
    public func run(progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Report {
        precondition(options.tickets > 0 && options.batchSize > 0)
        let dialect = database.dialect
        let population = try await preparePopulation()
        let (firstTicketID, firstArticleID, counters) = try await database.read { db in
            let ticket = try await db.raw("SELECT COALESCE(MAX(id), 0) AS id FROM tickets").first()?.int64("id") ?? 0
            let article = try await db.raw("SELECT COALESCE(MAX(id), 0) AS id FROM articles").first()?.int64("id") ?? 0
            var counters: [String: Int64] = [:]
            for row in try await db.raw("SELECT name, value FROM counters WHERE name LIKE 'ticket.%'").all() {
                counters[String(try row.string("name").dropFirst("ticket.".count))] = try row.int64("value")
            }
            return (ticket + 1, article + 1, counters)
        }
        let factory = SyntheticTicketFactory(
            population: population, seed: options.seed, count: options.tickets, now: options.now, span: options.span,
            showcaseIndex: options.tickets / 2, showcaseArticles: options.showcaseArticles
        )
        let total = options.tickets
        let batchSize = options.batchSize
        let initial = Generation(
            numbering: TicketNumbering(systemID: options.systemID, timeZone: options.timeZone, counters: counters),
            nextIndex: 0, nextTicketID: firstTicketID, nextArticleID: firstArticleID
        )

        let clock = ContinuousClock()
        let started = clock.now
        var articles = 0
        var written = 0
        var state = initial
        var pending: Task<([BulkTicket], Generation), Never>? = Task { factory.generate(upTo: min(batchSize, total), from: initial) }
        defer { pending?.cancel() }
        while let task = pending {
            let (batch, next) = await task.value
            state = next
            let upTo = min(next.nextIndex + batchSize, total)
            pending = next.nextIndex < total ? Task { factory.generate(upTo: upTo, from: next) } : nil
            try await database.transaction { db in try await BulkWriter(db: db, dialect: dialect).write(batch) }
            written += batch.count
            articles += batch.reduce(0) { $0 + $1.articles.count }
            progress(written)
        }
        let seconds = (clock.now - started).seconds

        let finalCounters = state.numbering.counters
        try await database.transaction { db in
            for (day, value) in finalCounters where counters[day] != value {
                try await db.raw("""
                    INSERT INTO counters (name, value) VALUES (\(bind: "ticket." + day), \(bind: value))
                    ON CONFLICT (name) DO UPDATE SET value = CASE WHEN counters.value > excluded.value THEN counters.value ELSE excluded.value END
                    """).run()
            }
            if dialect == .postgres {
                for table in ["tickets", "articles", "contacts"] {
                    try await db.raw("SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), (SELECT MAX(id) FROM \(ident: table)))").run()
                }
            }
        }
        switch dialect {
        case .postgres:
            // What autovacuum would do shortly after a load this size; without statistics the planner guesses.
            try await database.read { db in try await db.raw("VACUUM ANALYZE").run() }
        case .sqlite:
            try await database.read { db in try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        }
        return Report(
            tickets: written, articles: articles, contacts: population.contacts.count,
            showcaseTicketID: firstTicketID + Int64(total / 2), seconds: seconds
        )
    }

    /// Loads the master data and adds organisations, contacts and agents.
    func preparePopulation() async throws -> SeedPopulation {
        let now = options.now
        var random = SeededRandom(seed: options.seed ^ 0x5EED_0F_CA11)
        let text = HelpDeskText()
        let contactCount = min(max(options.tickets / 20, 50), 20_000)
        let persons = (0..<contactCount).map { _ in text.person(&random) }
        let agentPersons = (0..<options.agents).map { _ in text.person(&random, staffShare: 1) }
        let dialect = database.dialect

        return try await database.transaction { db in
            let queues = try await Records<Queue>(db).all().filter(\.isActive)
            let states = try await Records<TicketState>(db).all().filter(\.isActive)
            let priorities = try await Records<Priority>(db).all().filter(\.isActive).sorted { $0.rank < $1.rank }
            let types = try await Records<TicketType>(db).all().filter(\.isActive)
            let services = try await Records<Service>(db).all().filter(\.isActive)
            guard !queues.isEmpty, !states.isEmpty, !priorities.isEmpty else {
                throw StoreError.corrupt("no queues, states or priorities to seed tickets into")
            }
            let roleIDs = try await RoleRepository(db).all().prefix(1).map(\.id)

            let organisations = OrganisationRepository(db)
            var organisationIDs: [String: Int64] = [:]
            for name in HelpDeskText.departmentNames {
                if let existing = try await organisations.find(name: name) {
                    organisationIDs[name] = existing.id
                } else {
                    organisationIDs[name] = try await organisations.insert(Organisation(id: 0, name: name, createdAt: now)).id
                }
            }

            let users = UserRepository(db)
            var agents: [SeedPopulation.Agent] = []
            for (index, person) in agentPersons.enumerated() {
                let login = "agent" + (index < 9 ? "0" : "") + String(index + 1)
                let name = person.firstName + " " + person.lastName
                if let existing = try await users.find(login: login) {
                    agents.append(.init(id: existing.id, name: existing.firstName + " " + existing.lastName))
                    continue
                }
                let user = try await users.insert(User(
                    id: 0, login: login, email: login + "@stadt.example", firstName: person.firstName, lastName: person.lastName,
                    isAgent: true, roleIDs: roleIDs, createdAt: now
                ), passwordHash: nil)
                agents.append(.init(id: user.id, name: name))
            }

            let firstContactID = (try await db.raw("SELECT COALESCE(MAX(id), 0) AS id FROM contacts").first()?.int64("id") ?? 0) + 1
            var contacts: [SeedPopulation.Contact] = []
            for (offset, person) in persons.enumerated() {
                let id = firstContactID + Int64(offset)
                contacts.append(.init(
                    id: id, organisationID: person.department.flatMap { organisationIDs[$0.name] },
                    email: text.mailAddress(for: person, serial: Int(id)), person: person
                ))
            }
            try await BulkWriter(db: db, dialect: dialect).write(contacts: contacts, at: now)

            let byType = Dictionary(grouping: states, by: \.type).mapValues { $0.map(\.id) }
            let queueWeights = queues.indices.map { 1 / (1 + 0.4 * Double($0)) }
            let priorityWeights: [Double] = priorities.count == 5 ? [2, 10, 70, 15, 3] : priorities.map { _ in 1 }
            let typeWeights: [Double] = types.count == 5 ? [55, 35, 4, 3, 3] : types.map { _ in 1 }
            let sla = try await Records<SLAPolicy>(db).all().first(where: \.isActive)
            return SeedPopulation(
                queueIDs: queues.map(\.id), queueWeights: queueWeights, states: byType,
                suspendingStateIDs: Set(states.filter(\.suspendsSLA).map(\.id)),
                priorityIDs: priorities.map(\.id), priorityWeights: priorityWeights,
                typeIDs: types.map(\.id), typeWeights: typeWeights, serviceIDs: services.map(\.id),
                agents: agents, contacts: contacts, slaTerms: sla.map(SLATerms.init) ?? .none
            )
        }
    }
}

/// Where ticket generation stands between batches.
struct Generation: Sendable {
    var numbering: TicketNumbering
    var nextIndex: Int
    var nextTicketID: Int64
    var nextArticleID: Int64
}

extension SyntheticTicketFactory {
    /// The tickets from `state.nextIndex` up to `end`, and the state after them.
    func generate(upTo end: Int, from state: Generation) -> ([BulkTicket], Generation) {
        var state = state
        var batch: [BulkTicket] = []
        batch.reserveCapacity(end - state.nextIndex)
        while state.nextIndex < end {
            let ticket = make(index: state.nextIndex, ticketID: state.nextTicketID, firstArticleID: state.nextArticleID, numbering: &state.numbering)
            state.nextIndex += 1
            state.nextTicketID += 1
            state.nextArticleID += Int64(ticket.articles.count)
            batch.append(ticket)
        }
        return (batch, state)
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
