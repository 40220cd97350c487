import Foundation
import HTTPTypes
import Testing

@Suite("Configuration items")
struct ConfigItemTests {
    @Test("an item is versioned only on real change, with history per attribute", arguments: TestBackend.available)
    func versionsAndHistory(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let room = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "Standort", "name": "Rathaus, Raum 2.14", "deploymentState": "Im Einsatz", "attributes": ["kind": "Raum"],
            ])
            let roomID = try #require(room.object.int("id"))
            let created = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "Computer", "name": "PC-BA-0042", "deploymentState": "Lager", "locationId": roomID,
                "attributes": ["serial_number": "pf3x9k", "inventory_number": "INV-2026-0042", "ip_address": "10.20.30.40", "ram_gb": "16"],
            ])
            #expect(created.status == .created)
            #expect(created.object.string("number")?.hasPrefix("CI") == true)
            #expect(created.object.string("deploymentState") == "inStock" && created.object.string("functionality") == "preProductive")
            let id = try #require(created.object.int("id"))
            let etag = try #require(created.headers[.eTag])

            let same = try await client.call(.patch, "/api/v1/cmdb/items/\(id)", token: admin, json: ["attributes": ["serial_number": "PF3X9K"]])
            #expect(same.object.int("version") == 1)
            let moved = try await client.call(.patch, "/api/v1/cmdb/items/\(id)", token: admin, json: [
                "deploymentState": "production", "attributes": ["ram_gb": 32, "ip_address": NSNull()],
            ], headers: [.ifMatch: etag])
            #expect(moved.object.int("version") == 2)
            #expect((moved["attributes"] as? [String: Any])?["ip_address"] == nil)
            let stale = try await client.call(.patch, "/api/v1/cmdb/items/\(id)", token: admin, json: ["name": "x"], headers: [.ifMatch: etag])
            #expect(stale.status == .preconditionFailed)

            let view = try await client.call(.get, "/api/v1/cmdb/items/\(id)", token: admin).object
            #expect((view["locationPath"] as? [[String: Any]])?.first?.string("name") == "Rathaus, Raum 2.14")
            #expect(try await client.call(.get, "/api/v1/cmdb/items/\(id)/versions", token: admin).items.count == 2)
            let history = try await client.call(.get, "/api/v1/cmdb/items/\(id)/history", token: admin).items
            let changed = Set(history.compactMap { $0.string("field") })
            #expect(changed == ["created", "deploymentState", "attr.ram_gb", "attr.ip_address"])
            #expect(history.contains { $0.string("field") == "attr.ram_gb" && $0.string("oldValue") == "16" && $0.string("newValue") == "32" })
        }
    }

    @Test("wrong types, duplicate unique values and unknown references are refused with per-attribute errors", arguments: TestBackend.available)
    func badInput(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let first = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "Computer", "name": "PC 1", "attributes": ["serial_number": "AAA1", "inventory_number": "INV-1"],
            ])
            #expect(first.status == .created)
            let before = try await system.count("cmdb_items")
            let bad = try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "Computer", "name": "PC 2", "deploymentState": "kaputt", "locationId": 987_654,
                "attributes": ["serial_number": "aaa1", "ram_gb": "viel", "mac_address": "nope", "assigned_to": 987_654, "colour": "rot"],
            ])
            #expect(bad.status == .unprocessableContent)
            let fields = Set((bad["errors"] as? [[String: Any]] ?? []).compactMap { $0.string("field") })
            #expect(fields == ["deploymentState", "locationId", "attributes.serial_number", "attributes.ram_gb", "attributes.mac_address",
                               "attributes.assigned_to", "attributes.colour"])
            #expect(try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: ["class": "Raumschiff", "name": "x"]).status == .unprocessableContent)
            #expect(try await system.count("cmdb_items") == before)
            #expect(try await system.count("cmdb_item_versions") == before)

            let customer = try await system.customer("erika", email: "erika@stadt.example")
            #expect(try await client.call(.get, "/api/v1/cmdb/items/\(try #require(first.object.int("id")))", token: customer.token).status == .notFound)
            #expect(try await client.call(.post, "/api/v1/cmdb/items", token: customer.token, json: ["class": "Computer", "name": "x"]).status == .forbidden)
        }
    }

    @Test("customers see the items they own, with customer-visible attributes only", arguments: TestBackend.available)
    func customerView(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let customer = try await system.customer("erika", email: "erika@stadt.example")
            let created = try await client.call(.post, "/api/v1/cmdb/items", token: system.adminToken, json: [
                "class": "Notebook", "name": "NB Erika", "ownerContactId": customer.contactID,
                "attributes": ["serial_number": "NB1", "inventory_number": "INV-9", "encrypted": true],
            ])
            let id = try #require(created.object.int("id"))
            let seen = try await client.call(.get, "/api/v1/cmdb/items/\(id)", token: customer.token)
            #expect(seen.status == .ok)
            #expect(seen["attributes"] as? [String: String] == ["inventory_number": "INV-9"])
            let own = try await client.call(.get, "/api/v1/cmdb/items", token: customer.token)
            #expect(own.items.map { $0.int("id") } == [id] && own.items.first?["attributes"] as? [String: String] == ["inventory_number": "INV-9"])
            #expect(try await client.call(.get, "/api/v1/cmdb/items?q=NB1", token: customer.token).status == .unprocessableContent)
        }
    }
}
