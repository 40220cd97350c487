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

    @Test("a merge with a ticket in a foreign queue shows no number in the history", arguments: TestBackend.available)
    func mergePartnersAreRedacted(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let (_, agent) = try await system.agent("h.leser", rights: ["Servicedesk": [.read]])
            func create(_ title: String, in queue: String) async throws -> (id: Int64, number: String) {
                let ticket = try await client.call(.post, "/api/v1/tickets", token: admin, json: ["title": title, "queue": queue]).object
                return (try #require(ticket.int("id")), try #require(ticket["number"] as? String))
            }
            let target = try await create("Drucker", in: "Servicedesk")
            let hidden = try await create("Personal", in: "Fachverfahren")
            let visible = try await create("Drucker defekt", in: "Servicedesk")
            for source in [hidden, visible] {
                #expect(try await client.call(.post, "/api/v1/tickets/\(source.id)/merge", token: admin, json: ["targetId": target.id]).status == .ok)
            }
            func merged(as token: String) async throws -> [String] {
                try await client.call(.get, "/api/v1/tickets/\(target.id)/history", token: token).items
                    .filter { $0["field"] as? String == "merged" }.compactMap { $0["newValue"] as? String }.sorted()
            }
            #expect(try await merged(as: agent) == [visible.number, "–"].sorted())
            #expect(try await merged(as: admin) == [hidden.number, visible.number].sorted())
        }
    }
}
