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
}
