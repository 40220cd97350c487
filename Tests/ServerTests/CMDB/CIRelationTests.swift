import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("CMDB relations, graph and incident impact")
struct CIRelationTests {
    /// Creates an item of class Server and returns its id.
    private func server(_ name: String, _ client: some TestClientProtocol, _ token: String) async throws -> Int64 {
        let created = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: ["class": "Server", "name": name, "attributes": ["kind": "virtuell"]])
        return try #require(created.object.int("id"))
    }

    @Test("cycles are refused where the type forbids them; the graph reaches depth N", arguments: TestBackend.available)
    func cyclesAndGraph(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let app = try await server("App", client, token), vm = try await server("VM", client, token), host = try await server("Host", client, token)
            let relate = { (source: Int64, type: String, target: Int64) in
                try await client.call(.post, "/api/v1/cmdb/items/\(source)/relations", token: token, json: ["type": type, "targetId": target])
            }
            #expect(try await relate(app, "runsOn", vm).status == .created)
            #expect(try await relate(vm, "runsOn", host).status == .created)
            let cycle = try await relate(host, "runsOn", app)
            #expect(cycle.status == .unprocessableContent)
            #expect(try await relate(host, "connectedTo", app).status == .created)
            #expect(try await relate(app, "runsOn", app).status == .unprocessableContent)
            #expect(try await system.count("cmdb_relations") == 3)

            let near = try await client.call(.get, "/api/v1/cmdb/items/\(app)/graph?depth=1", token: token).object
            #expect(Set((near["nodes"] as? [[String: Any]] ?? []).compactMap { $0.int("id") }) == [app, vm, host])
            let far = try await client.call(.get, "/api/v1/cmdb/items/\(vm)/graph?depth=2", token: token).object
            #expect((far["edges"] as? [[String: Any]])?.count == 3)
        }
    }

    @Test("an open incident ticket puts the affected item into incident and what runs on it into warning", arguments: TestBackend.available)
    func impact(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let host = try await server("Host", client, token), vm = try await server("VM", client, token), other = try await server("Anderer", client, token)
            _ = try await client.call(.post, "/api/v1/cmdb/items/\(vm)/relations", token: token, json: ["type": "runsOn", "targetId": host])
            let ticket = try await client.call(.post, "/api/v1/tickets", token: token, json: ["title": "Host ausgefallen", "queue": "Servicedesk", "type": "Störung"])
            let ticketID = try #require(ticket.object.int("id"))
            _ = try await client.call(.post, "/api/v1/tickets/\(ticketID)/links", token: token, json: ["type": "affects", "targetObject": "configItem", "targetId": host])
            func state(_ id: Int64) async throws -> String? {
                try await client.call(.get, "/api/v1/cmdb/items/\(id)", token: token).object.string("incidentState")
            }
            #expect(try await state(host) == "incident")
            #expect(try await state(vm) == "warning")
            #expect(try await state(other) == "operational")
            let affected = try await client.call(.get, "/api/v1/tickets/\(ticketID)/config-items", token: token).items
            #expect(affected.map { $0.int("id") } == [host])
            #expect(try await client.call(.get, "/api/v1/cmdb/items?ticketId=\(ticketID)", token: token).items.map { $0.int("id") } == [host])
            let outsider = try await system.agent("otto", rights: ["Netzwerk": .all])
            #expect(try await client.call(.get, "/api/v1/cmdb/items?ticketId=\(ticketID)", token: outsider.token).status == .unprocessableContent)

            _ = try await client.call(.patch, "/api/v1/tickets/\(ticketID)", token: token, json: ["state": "gelöst"])
            #expect(try await state(host) == "operational")
            #expect(try await state(vm) == "operational")
            #expect(try await client.call(.post, "/api/v1/tickets/\(ticketID)/links", token: token,
                                          json: ["type": "affects", "targetObject": "configItem", "targetId": 987_654]).status == .unprocessableContent)
        }
    }
}
