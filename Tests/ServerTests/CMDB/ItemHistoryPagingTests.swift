import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// An item's history comes newest first, page by page, like every other list.
@Suite("CMDB item history pages")
struct ItemHistoryPagingTests {
    @Test("pages by cursor hold every change once, newest first; bad cursors and limits are refused", arguments: TestBackend.available)
    func pages(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let id = try #require(try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: ["class": "Monitor", "name": "Monitor 0"]).object.int("id"))
            for number in 1...4 {
                _ = try await client.call(.patch, "/api/v1/cmdb/items/\(id)", token: admin, json: ["name": "Monitor \(number)"])
            }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await client.call(.get, "/api/v1/cmdb/items/\(id)/history?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: admin)
                #expect(page.status == .ok, "\(page.summary)")
                seen += page.items.map { "\($0.string("field") ?? "") \($0.string("newValue") ?? "")" }
                cursor = page.object.string("next")
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen == ["name Monitor 4", "name Monitor 3", "name Monitor 2", "name Monitor 1", "created \(try await number(of: id, client, admin))"])
            #expect(pages == 3)
            expectProblem(try await client.call(.get, "/api/v1/cmdb/items/\(id)/history?cursor=abc", token: admin), .unprocessableContent, field: "cursor")
            expectProblem(try await client.call(.get, "/api/v1/cmdb/items/\(id)/history?limit=0", token: admin), .unprocessableContent, field: "limit")
        }
    }

    private func number(of id: Int64, _ client: some TestClientProtocol, _ token: String) async throws -> String {
        try await client.call(.get, "/api/v1/cmdb/items/\(id)", token: token).object.string("number") ?? ""
    }
}
