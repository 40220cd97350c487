import Domain
import Foundation
import HummingbirdTesting
import Store
import Testing

@Suite("Relevance ranks the newest matches")
struct RelevanceWindowTests {
    @Test("only the newest matches are ranked, unless the caller sees too few of them", arguments: TestBackend.available)
    func window(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let (contactID, _) = try await system.customer("jonas", email: "jonas@stadt.example")
            var ids: [Int64] = []
            for index in 0..<8 {
                // The oldest ticket is the customer's and the best match (the word three times).
                let body = index == 0 ? "Kaffeemaschine Kaffeemaschine Kaffeemaschine entkalken" : "Kaffeemaschine Nummer \(index)"
                var json: [String: Any] = ["title": "Küche \(index)", "queue": "Servicedesk", "article": ["body": body]]
                if index == 0 { json["customer"] = "jonas@stadt.example" }
                ids.append(try #require(try await client.call(.post, "/api/v1/tickets", token: token, json: json).object.int("id")))
            }
            let dialect = system.database.dialect
            var query = TicketListQuery()
            let words = try SearchQuery.parse("kaffeemaschine")
            query.fullText = dialect == .sqlite ? words.ftsMatchExpression() : words.tsQueryExpression()
            query.sort = .relevance
            query.relevanceWindow = 4
            query.limit = 2

            var seen: [Int64] = []
            var cursor: TicketCursor?
            repeat {
                query.cursor = cursor
                let finalQuery = query
                let page = try await system.database.read { db in try await TicketRepository(db, dialect: dialect).list(finalQuery, in: .everything) }
                seen += page.tickets.map(\.id)
                cursor = page.next
            } while cursor != nil
            #expect(Set(seen) == Set(ids.suffix(4)))

            query.cursor = nil
            let customerQuery = query
            let own = try await system.database.read { db in
                try await TicketRepository(db, dialect: dialect).list(customerQuery, in: .customer(contactID: contactID, organisationIDs: []))
            }
            #expect(own.tickets.map(\.id) == [ids[0]])
        }
    }

    @Test(
        "PostgreSQL's window holds the newest matches however far apart their ids lie",
        arguments: TestBackend.available.filter { $0 == .postgres }
    )
    func idBlocks(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            // The ids lie in blocks 0, 6, 15, 19 and 20 of 16,384 (migration 30): the window searches blocks 19–20
            // first, then 5–18, then the rest, each only when the newer ones hold too few matches.
            var ids: [Int64] = []
            for (index, lastID) in [Int64(0), 100_000, 250_000, 320_000, 330_000].enumerated() {
                if lastID > 0 {
                    try await system.database.transaction { db in
                        try await db.raw("SELECT setval(pg_get_serial_sequence('tickets', 'id'), \(bind: lastID))").run()
                    }
                }
                let json: [String: Any] = ["title": "Drucker \(index)", "queue": "Servicedesk", "article": ["body": "Toner leer"]]
                ids.append(try #require(try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: json).object.int("id")))
            }
            for customerDocument in [false, true] {
                for window in 1...6 {
                    let found = try await system.database.read { db in
                        try await db.raw("""
                            SELECT ticket_id FROM ticket_search_newest(to_tsquery('german', 'drucker') || to_tsquery('english', 'drucker'),
                                \(literal: window), \(bind: customerDocument))
                            """).all().map { try $0.decode(column: "ticket_id", as: Int64.self) }
                    }
                    #expect(Set(found) == Set(ids.suffix(window)), "window \(window), customer document \(customerDocument)")
                }
            }
        }
    }
}
