import Foundation
import HTTPTypes
import Testing

/// The item view and its relation list, which read an item with its class and an item with its relations in one
/// query each and keep class definitions per version in the process.
@Suite("CMDB item view")
struct ItemViewTests {
    @Test("a customer's item view follows a class change at once: a renamed class, a newly customer-visible attribute", arguments: TestBackend.available)
    func customerViewFollowsClassChanges(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            var definition: [String: Any] = [
                "name": "Beamer", "attributes": [
                    ["key": "room", "label": "Raum", "type": "text", "customerVisible": true],
                    ["key": "lamp_hours", "label": "Lampenstunden", "type": "number"],
                ],
            ]
            let created = try await client.call(.post, "/api/v1/cmdb/classes", token: admin, json: definition)
            let classID = try #require(created.object.int("id"))
            let customer = try await system.customer("mia", email: "mia.schulze@stadt.example")
            let item = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "Beamer", "name": "Beamer Ratssaal", "ownerContactId": customer.contactID,
                "attributes": ["room": "Ratssaal", "lamp_hours": 1200],
            ])
            let path = "/api/v1/cmdb/items/\(try #require(item.object.int("id")))"
            let before = try await client.call(.get, path, token: customer.token).object
            #expect(before.string("class") == "Beamer")
            #expect(Set((before["attributes"] as? [String: Any] ?? [:]).keys) == ["room"])

            definition["name"] = "Projektor"
            #expect(try await client.call(.put, "/api/v1/cmdb/classes/\(classID)", token: admin, json: definition).object.int("version") == 1)
            #expect(try await client.call(.get, path, token: customer.token).object.string("class") == "Projektor")

            definition["attributes"] = [
                ["key": "room", "label": "Raum", "type": "text", "customerVisible": true],
                ["key": "lamp_hours", "label": "Lampenstunden", "type": "number", "customerVisible": true],
            ]
            #expect(try await client.call(.put, "/api/v1/cmdb/classes/\(classID)", token: admin, json: definition).object.int("version") == 2)
            let after = try await client.call(.get, path, token: customer.token).object
            #expect(after["attributes"] as? NSDictionary == ["room": "Ratssaal", "lamp_hours": 1200] as NSDictionary)
            #expect(Set((try await client.call(.get, path, token: admin).object["attributes"] as? [String: Any] ?? [:]).keys) == ["room", "lamp_hours"])
        }
    }

    @Test("the relation list: both directions with the other item, an empty list without relations, 404 for an unknown item", arguments: TestBackend.available)
    func relationList(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            var ids: [Int64] = []
            for name in ["Server Rathaus", "Datenbank Einwohner", "Switch Keller"] {
                let created = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: ["class": "Monitor", "name": name])
                ids.append(try #require(created.object.int("id")))
            }
            let (server, database, switchItem) = (ids[0], ids[1], ids[2])
            #expect(try await client.call(.get, "/api/v1/cmdb/items/\(server)/relations", token: admin).items.isEmpty)
            _ = try await client.call(.post, "/api/v1/cmdb/items/\(database)/relations", token: admin, json: ["type": "runsOn", "targetId": server])
            _ = try await client.call(.post, "/api/v1/cmdb/items/\(server)/relations", token: admin, json: ["type": "connectedTo", "targetId": switchItem])
            let relations = try await client.call(.get, "/api/v1/cmdb/items/\(server)/relations", token: admin).items
            #expect(relations.map { $0.string("type") } == ["runsOn", "connectedTo"])
            #expect(relations.map { ($0["other"] as? [String: Any])?.string("name") } == ["Datenbank Einwohner", "Switch Keller"])
            #expect(relations.map { ($0["other"] as? [String: Any])?.int("id") } == [database, switchItem])
            expectProblem(try await client.call(.get, "/api/v1/cmdb/items/999999/relations", token: admin), .notFound)
            expectProblem(try await client.call(.get, "/api/v1/cmdb/items/999999", token: admin), .notFound)
        }
    }
}
