import Domain
import Foundation
import HummingbirdTesting
import Store
import Testing

@Suite("Item search ranks the newest matches")
struct ItemRelevanceWindowTests {
    @Test("relevance pages end after the window, unless it holds less than a page of what the filters let through",
          arguments: TestBackend.available)
    func window(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            for index in 0..<5 {
                let created = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: [
                    "class": index == 0 ? "Drucker" : "Monitor", "name": "Kaffeemaschine \(index)",
                ])
                #expect(created.status == .created)
            }
            let dialect = system.database.dialect
            let words = try SearchQuery.parse("kaffeemaschine")
            var query = ConfigItemListQuery()
            query.fullText = dialect == .sqlite ? words.ftsMatchExpression() : words.tsQueryExpression()
            query.sort = .relevance
            query.relevanceWindow = 3
            query.limit = 2
            var names: [String] = []
            var cursor: TicketCursor?
            repeat {
                query.cursor = cursor
                let current = query
                let page = try await system.database.read { db in try await ConfigItemRepository(db, dialect: dialect).list(current) }
                names += page.items.map(\.name)
                cursor = page.next
            } while cursor != nil
            #expect(Set(names) == Set((2..<5).map { "Kaffeemaschine \($0)" }), "the three newest matches")

            let printers = try await system.database.read { db in try await CIClassRepository(db).find(name: "Drucker") }
            query.classIDs = [try #require(printers?.id)]
            query.cursor = nil
            let printerQuery = query
            let oldest = try await system.database.read { db in try await ConfigItemRepository(db, dialect: dialect).list(printerQuery) }
            #expect(oldest.items.map(\.name) == ["Kaffeemaschine 0"])
        }
    }

    @Test("pages follow relevance, then id, with nothing but search words and with a class filter alike",
          arguments: TestBackend.available)
    func order(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            for name in ["Toaster eins", "Toaster Toaster Toaster zwei", "Toaster drei", "Toaster Toaster vier", "Wasserkocher"] {
                let created = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: ["class": "Monitor", "name": name])
                #expect(created.status == .created)
            }
            for filter in ["", "&class=Monitor"] {
                var names: [String] = []
                var cursor: String?
                repeat {
                    let page = try await client.call(.get, "/api/v1/cmdb/items?q=toaster&limit=2\(filter)" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
                    #expect(page.status == .ok)
                    names += page.items.compactMap { $0.string("name") }
                    cursor = page.object.string("next")
                } while cursor != nil
                #expect(names == ["Toaster Toaster Toaster zwei", "Toaster Toaster vier", "Toaster eins", "Toaster drei"], "filter: \(filter)")
            }
        }
    }
}
