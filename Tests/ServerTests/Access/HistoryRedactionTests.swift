import Foundation
import HTTPTypes
import Testing

@Suite("History does not reveal tickets the reader may not see")
struct HistoryRedactionTests {
    @Test("a link to a ticket in a foreign queue shows no id in the history", arguments: TestBackend.available)
    func linkTargetsAreRedacted(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let (_, agent) = try await system.agent("h.leser", rights: ["Servicedesk": [.read]])
            let visible = try #require(try await client.call(.post, "/api/v1/tickets", token: admin, json: ["title": "Drucker", "queue": "Servicedesk"]).object.int("id"))
            let hidden = try #require(try await client.call(.post, "/api/v1/tickets", token: admin, json: ["title": "Personal", "queue": "Fachverfahren"]).object.int("id"))
            let other = try #require(try await client.call(.post, "/api/v1/tickets", token: admin, json: ["title": "Toner", "queue": "Servicedesk"]).object.int("id"))
            for target in [hidden, other] {
                #expect(try await client.call(.post, "/api/v1/tickets/\(visible)/links", token: admin,
                                              json: ["type": "relates", "targetObject": "ticket", "targetId": target]).status == .created)
            }
            let rows = try await client.call(.get, "/api/v1/tickets/\(visible)/history", token: agent).items
                .filter { $0["field"] as? String == "link" }.compactMap { $0["newValue"] as? String }
            #expect(rows.sorted() == ["relates ticket \(other)", "relates ticket –"].sorted())
            let adminRows = try await client.call(.get, "/api/v1/tickets/\(visible)/history", token: admin).items
                .filter { $0["field"] as? String == "link" }.compactMap { $0["newValue"] as? String }
            #expect(adminRows.contains("relates ticket \(hidden)"))
        }
    }
}
