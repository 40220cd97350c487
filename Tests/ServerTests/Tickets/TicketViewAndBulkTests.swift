import Foundation
import HTTPTypes
import Services
import Testing

@Suite("Saved views and bulk changes")
struct TicketViewAndBulkTests {
    @Test("a bulk change applies each ticket's own rights: done where allowed, refused and unchanged elsewhere", arguments: TestBackend.available)
    func bulkRespectsRights(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let (_, token) = try await system.agent("bulk.agent", rights: ["Servicedesk": [.read, .note, .priority], "Netzwerk": [.read]])
            var ids: [Int64] = []
            for queue in ["Servicedesk", "Servicedesk", "Netzwerk", "Fachverfahren"] {
                let created = try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: ["title": "Bulk \(queue)", "queue": queue])
                ids.append(try #require(created.object.int("id")))
            }
            let result = try await client.call(.post, "/api/v1/tickets/bulk", token: token, json: ["ticketIds": ids, "priorityId": 5, "note": "Gesammelt"])
            #expect(result.status == .ok)
            let outcomes = result.items.map { ($0["ok"] as? Bool ?? false, $0["status"] as? Int) }
            #expect(outcomes.map(\.0) == [true, true, false, false])
            #expect(outcomes[2].1 == 403, "read-only queue: refused")
            #expect(outcomes[3].1 == 404, "a queue the agent cannot see stays invisible")
            for (index, id) in ids.enumerated() {
                let ticket = try await client.call(.get, "/api/v1/tickets/\(id)", token: system.adminToken).object
                #expect((ticket["priority"] as? String)?.hasPrefix("5") == (index < 2))
                let articles = try await client.call(.get, "/api/v1/tickets/\(id)/articles", token: system.adminToken).items
                #expect(articles.contains { $0["bodyText"] as? String == "Gesammelt" } == (index < 2))
            }
        }
    }

    @Test("bulk close and merge", arguments: TestBackend.available)
    func bulkCloseAndMerge(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let master = try await system.services.masterData.snapshot()
            let closed = try #require(master.states.first { $0.type == .closed })
            var ids: [Int64] = []
            for index in 0..<3 {
                ids.append(try #require(try await client.call(.post, "/api/v1/tickets", token: admin, json: ["title": "T\(index)", "queue": "Servicedesk"]).object.int("id")))
            }
            let close = try await client.call(.post, "/api/v1/tickets/bulk", token: admin, json: ["ticketIds": [ids[0], ids[1]], "stateId": closed.id])
            #expect(close.items.allSatisfy { $0["ok"] as? Bool == true })
            #expect(try await client.call(.get, "/api/v1/tickets/\(ids[0])", token: admin).object.int("stateId") == closed.id)
            let merge = try await client.call(.post, "/api/v1/tickets/bulk", token: admin, json: ["ticketIds": [ids[1], ids[2]], "mergeIntoId": ids[2]])
            #expect(merge.items.allSatisfy { $0["ok"] as? Bool == true }, "the target itself is skipped, not an error")
            #expect(try await client.call(.get, "/api/v1/tickets/\(ids[1])", token: admin).object.int("mergedIntoId") == ids[2])
        }
    }

    @Test("views are private unless shared, run with the caller's rights, and only their owner deletes them", arguments: TestBackend.available)
    func viewsVisibility(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let (_, anna) = try await system.agent("anna", rights: ["Servicedesk": [.read]])
            let (_, ben) = try await system.agent("ben", rights: ["Netzwerk": [.read]])
            _ = try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: ["title": "Netz weg", "queue": "Netzwerk"])
            let privateView = try await client.call(.post, "/api/v1/ticket-views", token: anna, json: ["name": "Meine", "filter": ["query": "Netz"]])
            let sharedView = try await client.call(.post, "/api/v1/ticket-views", token: anna, json: ["name": "Alle Netz", "shared": true, "filter": ["query": "Netz"]])
            let privateID = try #require(privateView.object.int("id"))
            let sharedID = try #require(sharedView.object.int("id"))
            #expect(try await client.call(.get, "/api/v1/ticket-views", token: ben).items.map { $0["name"] as? String } == ["Alle Netz"])
            #expect(try await client.call(.get, "/api/v1/ticket-views/\(privateID)/tickets", token: ben).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/ticket-views/\(sharedID)/tickets", token: ben).items.count == 1)
            #expect(try await client.call(.get, "/api/v1/ticket-views/\(sharedID)/tickets", token: anna).items.isEmpty, "Anna cannot read Netzwerk")
            #expect(try await client.call(.delete, "/api/v1/ticket-views/\(sharedID)", token: ben).status == .forbidden)
            #expect(try await client.call(.delete, "/api/v1/ticket-views/\(sharedID)", token: system.adminToken).status == .noContent)
        }
    }
}
