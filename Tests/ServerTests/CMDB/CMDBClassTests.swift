import Foundation
import HTTPTypes
import Testing

@Suite("CMDB classes")
struct CMDBClassTests {
    @Test("the seed classes exist, and Computer has serial and inventory numbers", arguments: TestBackend.available)
    func seedClasses(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let classes = try await client.call(.get, "/api/v1/cmdb/classes", token: system.adminToken).items
            let names = Set(classes.compactMap { $0.string("name") })
            #expect(names.isSuperset(of: ["Computer", "Notebook", "Monitor", "Drucker", "Telefon/Mobilgerät", "Software/Lizenz",
                                          "Netzwerkgerät", "Server", "Datenbankinstanz", "Standort"]))
            let computer = try #require(classes.first { $0.string("name") == "Computer" })
            let keys = (computer["attributes"] as? [[String: Any]] ?? []).compactMap { $0.string("key") }
            #expect(keys.contains("serial_number") && keys.contains("inventory_number"))
        }
    }

    @Test("a changed definition is a new version; old items keep theirs until an explicit upgrade", arguments: TestBackend.available)
    func versionsAndUpgrade(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let definition: [String: Any] = [
                "name": "Beamer", "nameEN": "Projector", "sections": ["Allgemein"],
                "attributes": [["key": "serial", "label": "Seriennummer", "type": "serialNumber", "unique": true, "section": "Allgemein"]],
            ]
            let created = try await client.call(.post, "/api/v1/cmdb/classes", token: admin, json: definition)
            #expect(created.status == .created && created.object.int("version") == 1)
            let classID = try #require(created.object.int("id"))
            #expect(try await client.call(.post, "/api/v1/cmdb/classes", token: admin, json: definition).status == .conflict)

            let item = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "projector", "name": "Beamer Ratssaal", "attributes": ["serial": "bq-1"],
            ])
            #expect(item.status == .created && item.object.int("classVersion") == 1)
            let itemID = try #require(item.object.int("id"))

            var changed = definition
            changed["attributes"] = [
                ["key": "serial_number", "label": "Seriennummer", "type": "serialNumber", "unique": true, "section": "Allgemein"],
                ["key": "lumen", "label": "Helligkeit", "labelEN": "Brightness", "type": "number", "required": true],
            ]
            let redefined = try await client.call(.put, "/api/v1/cmdb/classes/\(classID)", token: admin, json: changed)
            #expect(redefined.object.int("version") == 2)
            #expect(try await client.call(.put, "/api/v1/cmdb/classes/\(classID)", token: admin, json: changed).object.int("version") == 2)
            #expect(try await client.call(.get, "/api/v1/cmdb/classes/\(classID)/versions", token: admin).items.count == 2)
            #expect(try await client.call(.get, "/api/v1/cmdb/items/\(itemID)", token: admin).object.int("classVersion") == 1)

            let incomplete = try await client.call(.post, "/api/v1/cmdb/classes/\(classID)/upgrade", token: admin,
                                                   json: ["renames": ["serial": "serial_number"]])
            #expect(incomplete.status == .unprocessableContent)
            #expect(try await client.call(.get, "/api/v1/cmdb/items/\(itemID)", token: admin).object.int("classVersion") == 1)
            let upgraded = try await client.call(.post, "/api/v1/cmdb/classes/\(classID)/upgrade", token: admin,
                                                 json: ["renames": ["serial": "serial_number"], "defaults": ["lumen": 3000]])
            #expect(upgraded.object.int("upgraded") == 1)
            let after = try await client.call(.get, "/api/v1/cmdb/items/\(itemID)", token: admin).object
            #expect(after.int("classVersion") == 2)
            #expect(after["attributes"] as? NSDictionary == ["serial_number": "BQ-1", "lumen": 3000] as NSDictionary)
        }
    }

    @Test("invalid definitions and callers without rights change nothing", arguments: TestBackend.available)
    func refused(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let before = try await system.count("cmdb_classes")
            let bad = try await client.call(.post, "/api/v1/cmdb/classes", token: system.adminToken, json: [
                "name": "Kaputt", "attributes": [["key": "x", "label": "X", "type": "select"], ["key": "x", "label": "Y", "type": "text"]],
            ])
            #expect(bad.status == .unprocessableContent)
            let fields = (bad["errors"] as? [[String: Any]] ?? []).compactMap { $0.string("field") }
            #expect(fields.contains("attributes[0].options") && fields.contains("attributes[1].key"))
            let agent = try await system.agent("hans", rights: ["Servicedesk": .all])
            let forbidden = try await client.call(.post, "/api/v1/cmdb/classes", token: agent.token, json: ["name": "Eigen", "attributes": []])
            #expect(forbidden.status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/cmdb/classes", token: agent.token).status == .ok)
            #expect(try await system.count("cmdb_classes") == before)
        }
    }
}
