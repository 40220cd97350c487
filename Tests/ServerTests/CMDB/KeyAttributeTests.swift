import Foundation
import HTTPTypes
import Testing

/// Key attributes: what lists and tickets show of an item, marked per attribute in the class definition.
@Suite("CMDB key attributes")
struct KeyAttributeTests {
    @Test("seed classes mark what tells a device apart; a class marks its own, at most six, in a new version", arguments: TestBackend.available)
    func keyAttributes(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let classes = try await client.call(.get, "/api/v1/cmdb/classes", token: admin).items
            func keys(_ name: String) -> [String] {
                let attributes = classes.first { $0.string("name") == name }?["attributes"] as? [[String: Any]] ?? []
                return attributes.filter { $0["keyAttribute"] as? Bool == true }.compactMap { $0.string("key") }
            }
            #expect(keys("Computer") == ["serial_number", "inventory_number", "model", "hostname", "assigned_to"])
            #expect(keys("Drucker") == ["serial_number", "inventory_number", "model", "ip_address"])
            #expect(classes.allSatisfy { !keys($0.string("name") ?? "").isEmpty }, "every seed class marks key attributes")

            let attribute = { (key: String, isKey: Bool) -> [String: Any] in ["key": key, "label": key.capitalized, "type": "text", "keyAttribute": isKey] }
            let created = try await client.call(.post, "/api/v1/cmdb/classes", token: admin, json: [
                "name": "Beamer", "attributes": [attribute("raum", true), attribute("lampe", false)],
            ])
            #expect(created.status == .created)
            let id = try #require(created.object.int("id"))
            let remarked = try await client.call(.put, "/api/v1/cmdb/classes/\(id)", token: admin, json: [
                "name": "Beamer", "attributes": [attribute("raum", true), attribute("lampe", true)],
            ])
            #expect(remarked.object.int("version") == 2, "marking a key attribute is a new definition version")
            let tooMany = try await client.call(.put, "/api/v1/cmdb/classes/\(id)", token: admin, json: [
                "name": "Beamer", "attributes": (1...7).map { attribute("feld\($0)", true) },
            ])
            expectProblem(tooMany, .unprocessableContent, field: "attributes")
            #expect(try await client.call(.get, "/api/v1/cmdb/classes/\(id)/versions", token: admin).items.count == 2)
        }
    }
}
