import Foundation
import HTTPTypes
import Testing

@Suite("Dynamic fields on tickets")
struct DynamicFieldTests {
    @Test("defined by admins, validated on create and update, filterable and searchable", arguments: TestBackend.available)
    func fieldsOnTickets(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let defined = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "cost_center", "label": "Kostenstelle", "object": "ticket", "type": "select",
                "options": ["4711", "4712"], "required": true,
            ])
            #expect(defined.status == .created)
            _ = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "inventory_text", "label": "Gerätebezeichnung", "object": "ticket", "type": "text", "customerVisible": true,
            ])
            let duplicate = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "cost_center", "label": "X", "object": "ticket", "type": "text",
            ])
            #expect(duplicate.status == .conflict)
            let badDefinition = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "Bad Name", "label": "X", "object": "ticket", "type": "select",
            ])
            #expect(badDefinition.status == .unprocessableContent)

            let missing = try await client.call(.post, "/api/v1/tickets", token: token, json: ["title": "Ohne Kostenstelle", "queue": "Servicedesk"])
            #expect(missing.status == .unprocessableContent)
            #expect((missing["errors"] as? [[String: Any]])?.first?.string("field") == "fields.cost_center")
            let wrong = try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Falsche Kostenstelle", "queue": "Servicedesk", "fields": ["cost_center": "9999"],
            ])
            #expect(wrong.status == .unprocessableContent)
            let before = try await system.count("tickets")

            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Laptop tauschen", "queue": "Servicedesk",
                "fields": ["cost_center": "4711", "inventory_text": "ThinkPad Zebrafink"],
            ])
            #expect(created.status == .created)
            #expect(try await system.count("tickets") == before + 1)
            let fields = created["fields"] as? [String: [String: Any]]
            #expect(fields?["cost_center"]?["value"] as? String == "4711")
            let id = try #require(created.object.int("id"))

            let filtered = try await client.call(.get, "/api/v1/tickets?q=field.cost_center:4711", token: token)
            #expect(filtered.items.map { $0.int("id") } == [id])
            let none = try await client.call(.get, "/api/v1/tickets?q=field.cost_center:4712", token: token)
            #expect(none.items.isEmpty)
            let searched = try await client.call(.get, "/api/v1/tickets?q=zebrafink", token: token)
            #expect(searched.items.map { $0.int("id") } == [id])

            let updated = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["fields": ["cost_center": "4712"]])
            #expect(updated.status == .ok)
            let history = try await client.call(.get, "/api/v1/tickets/\(id)/history", token: token)
            #expect(history.items.contains { $0.string("field") == "field.cost_center" && $0.string("newValue") == "\"4712\"" })
            let badUpdate = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["fields": ["cost_center": 17]])
            #expect(badUpdate.status == .unprocessableContent)
        }
    }
}
