import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Who reads and who changes the CMDB: agents with `cmdb.write` do everything but define classes, agents with only
/// `cmdb.read` read everything and change nothing (403, nothing stored), agents with neither get 403 on every CMDB
/// path, and customers still read only their own items' customer-visible attributes.
@Suite("Permission matrix: CMDB")
struct CMDBPermissionTests {
    /// The items, relation and saved list the paths work on.
    struct Scene {
        var item: Int64
        var other: Int64
        var relation: Int64
        var list: Int64
    }

    private func scene(_ client: some TestClientProtocol, _ admin: String) async throws -> Scene {
        let computer = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
            "class": "Computer", "name": "PC-BA-0042", "attributes": ["serial_number": "PF3X9K", "inventory_number": "INV-0042"],
        ])
        let monitor = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: ["class": "Monitor", "name": "Monitor Raum 2.14"])
        let item = try #require(computer.object.int("id")), other = try #require(monitor.object.int("id"))
        let relation = try await client.call(.post, "/api/v1/cmdb/items/\(other)/relations", token: admin, json: ["type": "connectedTo", "targetId": item])
        let list = try await client.call(.post, "/api/v1/cmdb/lists", token: admin, json: ["name": "Alle Computer", "filters": ["classes": ["Computer"]]])
        return Scene(item: item, other: other, relation: try #require(relation.object.int("id")), list: try #require(list.object.int("id")))
    }

    static func reads(_ scene: Scene) -> [String] {
        let item = scene.item
        return [
            "/api/v1/cmdb/classes", "/api/v1/cmdb/items", "/api/v1/cmdb/items?q=PF3X9K", "/api/v1/cmdb/items/\(item)",
            "/api/v1/cmdb/items/\(item)/versions", "/api/v1/cmdb/items/\(item)/history", "/api/v1/cmdb/items/\(item)/relations",
            "/api/v1/cmdb/items/\(item)/graph", "/api/v1/cmdb/items/\(item)/tickets", "/api/v1/cmdb/export?class=Computer",
            "/api/v1/cmdb/lists", "/api/v1/cmdb/lists/\(scene.list)/items",
        ]
    }

    /// Every change an agent can make to the CMDB, with the status it answers when allowed.
    static func writes(_ scene: Scene) -> [(HTTPRequest.Method, String, [String: Any]?, HTTPResponse.Status)] {
        [
            (.post, "/api/v1/cmdb/items", ["class": "Monitor", "name": "Monitor neu"], .created),
            (.patch, "/api/v1/cmdb/items/\(scene.item)", ["name": "PC-BA-0043"], .ok),
            (.post, "/api/v1/cmdb/items/\(scene.item)/relations", ["type": "dependsOn", "targetId": scene.other], .created),
            (.delete, "/api/v1/cmdb/items/\(scene.other)/relations/\(scene.relation)", nil, .noContent),
            (.post, "/api/v1/cmdb/import", ["class": "Monitor", "content": "name\nMonitor importiert\n", "dryRun": true], .ok),
            (.post, "/api/v1/cmdb/import", ["class": "Monitor", "content": "name\nMonitor importiert\n"], .created),
            (.post, "/api/v1/cmdb/lists", ["name": "Meine Liste", "filters": ["classes": ["Monitor"]]], .created),
            (.delete, "/api/v1/cmdb/lists/\(scene.list)", nil, .noContent),
        ]
    }

    @Test("read-only agents read everything and change nothing; agents without CMDB rights get 403 everywhere; writers do all", arguments: TestBackend.available)
    func readsAndWrites(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await scene(client, system.adminToken)
            let writer = try await system.agent("wilma", rights: ["Servicedesk": .all])
            let reader = try await system.agent("rainer", rights: ["Servicedesk": .all], cmdb: .cmdbRead)
            let outsider = try await system.agent("nora", rights: ["Servicedesk": .all], cmdb: [])
            let noRole = try await system.agent("niemand", rights: [:])
            for path in Self.reads(scene) {
                for token in [writer.token, reader.token] {
                    let response = try await client.call(.get, path, token: token)
                    #expect(response.status == .ok, "GET \(path): \(response.summary)")
                }
                for token in [outsider.token, noRole.token] {
                    expectProblem(try await client.call(.get, path, token: token), .forbidden, "GET \(path) without cmdb.read")
                }
            }
            let tables = ["cmdb_items", "cmdb_relations", "cmdb_saved_lists", "cmdb_history"]
            var before: [Int] = []
            for table in tables { before.append(try await system.count(table)) }
            for (method, path, body, _) in Self.writes(scene) {
                for token in [reader.token, outsider.token, noRole.token] {
                    expectProblem(try await client.call(method, path, token: token, json: body), .forbidden, "\(method) \(path) without cmdb.write")
                }
            }
            var after: [Int] = []
            for table in tables { after.append(try await system.count(table)) }
            #expect(after == before, "refused writes stored nothing")
            for (method, path, body, status) in Self.writes(scene) {
                let response = try await client.call(method, path, token: writer.token, json: body)
                #expect(response.status == status, "\(method) \(path) with cmdb.write: \(response.summary)")
            }
            // Class definitions stay with administrators, whatever CMDB rights an agent has.
            let redefine = try await client.call(.post, "/api/v1/cmdb/classes", token: writer.token, json: [
                "name": "Beamer", "attributes": [["key": "lumen", "label": "Lumen", "type": "number"]],
            ])
            expectProblem(redefine, .forbidden, "an agent defines a class")
        }
    }

    @Test("customers read their own items' visible attributes whatever the roles say, and change nothing", arguments: TestBackend.available)
    func customers(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let customer = try await system.customer("mia", email: "mia.schulze@stadt.example")
            let mine = try await client.call(.post, "/api/v1/cmdb/items", token: system.adminToken, json: [
                "class": "Computer", "name": "PC Schulze", "ownerContactId": customer.contactID,
                "attributes": ["serial_number": "MIA1", "inventory_number": "INV-MIA", "ram_gb": 16],
            ])
            let id = try #require(mine.object.int("id"))
            let read = try await client.call(.get, "/api/v1/cmdb/items/\(id)", token: customer.token)
            #expect(read.status == .ok)
            #expect(Set((read["attributes"] as? [String: Any] ?? [:]).keys) == ["inventory_number"])
            #expect(try await client.call(.get, "/api/v1/cmdb/items", token: customer.token).items.compactMap { $0.int("id") } == [id])
            expectProblem(try await client.call(.patch, "/api/v1/cmdb/items/\(id)", token: customer.token, json: ["name": "x"]), .forbidden)
            expectProblem(try await client.call(.get, "/api/v1/cmdb/items/\(id)/history", token: customer.token), .forbidden)
        }
    }

    @Test("roles carry the CMDB rights through the API: shown, set, kept when left out, unknown names refused", arguments: TestBackend.available)
    func roleRights(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let roles = try await client.call(.get, "/api/v1/roles", token: admin).items
            #expect(roles.first { $0.string("name") == "IT-Servicedesk" }?["rights"] as? [String] == ["cmdb.read", "cmdb.write"])
            #expect(roles.first { $0.string("name") == "CMDB-Auskunft" }?["rights"] as? [String] == ["cmdb.read"])
            let created = try await client.call(.post, "/api/v1/roles", token: admin, json: ["name": "Inventur", "queues": [:], "rights": ["cmdb.write"]])
            #expect(created.status == .created)
            #expect(created["rights"] as? [String] == ["cmdb.read", "cmdb.write"], "writing includes reading")
            let id = try #require(created.object.int("id"))
            let renamed = try await client.call(.put, "/api/v1/roles/\(id)", token: admin, json: ["name": "Inventur 2026", "queues": [:]])
            #expect(renamed["rights"] as? [String] == ["cmdb.read", "cmdb.write"], "rights left out stay")
            let narrowed = try await client.call(.put, "/api/v1/roles/\(id)", token: admin, json: ["name": "Inventur 2026", "queues": [:], "rights": ["cmdb.read"]])
            #expect(narrowed["rights"] as? [String] == ["cmdb.read"])
            expectProblem(try await client.call(.put, "/api/v1/roles/\(id)", token: admin, json: ["name": "x", "queues": [:], "rights": ["cmdb.delete"]]),
                          .unprocessableContent, field: "rights")
            #expect(try await client.call(.get, "/api/v1/roles", token: admin).items.first { $0.int("id") == id }?.string("name") == "Inventur 2026")
        }
    }
}
