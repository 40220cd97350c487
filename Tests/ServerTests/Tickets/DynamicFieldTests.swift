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

    @Test("fields on articles, contacts and organisations: validated, returned, filterable", arguments: TestBackend.available)
    func fieldsOnOtherObjects(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            for (name, object, type) in [("callback_number", "article", "text"), ("personnel_number", "contact", "text"),
                                         ("budget", "organisation", "number")] {
                let defined = try await client.call(.post, "/api/v1/fields", token: token,
                                                    json: ["name": name, "label": name, "object": object, "type": type])
                #expect(defined.status == .created)
            }
            let ticket = try #require(try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Rückruf erbeten", "queue": "Servicedesk",
                "article": ["body": "Bitte zurückrufen", "fields": ["callback_number": "0341 123-4567"]],
            ]).object.int("id"))
            let badArticle = try await client.call(.post, "/api/v1/tickets/\(ticket)/articles", token: token,
                                                   json: ["body": "x", "fields": ["budget": 5]])
            #expect(badArticle.status == .unprocessableContent)
            #expect((badArticle["errors"] as? [[String: Any]])?.first?.string("field") == "fields.budget")
            let articles = try await client.call(.get, "/api/v1/tickets/\(ticket)/articles", token: token)
            let articleFields = articles.items.first?["fields"] as? [String: [String: Any]]
            #expect(articleFields?["callback_number"]?["value"] as? String == "0341 123-4567")

            let contact = try await client.call(.post, "/api/v1/contacts", token: token, json: [
                "lastName": "Neumann", "emails": ["p.neumann@stadt.example"], "fields": ["personnel_number": "P-0815"],
            ])
            #expect(contact.status == .created)
            _ = try await client.call(.post, "/api/v1/contacts", token: token, json: ["lastName": "Ohne", "fields": ["personnel_number": "P-0001"]])
            let found = try await client.call(.get, "/api/v1/contacts?field.personnel_number=p-0815", token: token)
            #expect(found.items.map { $0.string("lastName") } == ["Neumann"])

            let organisation = try await client.call(.post, "/api/v1/organisations", token: token, json: [
                "name": "Amt für Statistik", "fields": ["budget": 12500],
            ])
            #expect((organisation["fields"] as? [String: [String: Any]])?["budget"]?["value"] as? Double == 12500)
            let wrongType = try await client.call(.post, "/api/v1/organisations", token: token, json: ["name": "Kämmerei", "fields": ["budget": "viel"]])
            #expect(wrongType.status == .unprocessableContent)
            let page = try await client.call(.get, "/api/v1/organisations?limit=1", token: token)
            #expect(page.items.count == 1)
            #expect(page.object.string("next") == nil)
        }
    }
}
