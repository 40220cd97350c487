import Foundation
import HummingbirdTesting
import Testing

@Suite("Search documents stay true to what each caller may see")
struct SearchDocumentRebuildTests {
    @Test("a field that stops being customer-visible leaves the customers' search; article fields survive a title change",
          arguments: TestBackend.available)
    func rebuiltDocuments(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            _ = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "standort", "label": "Standort", "object": "ticket", "type": "text", "customerVisible": true,
            ])
            _ = try await client.call(.post, "/api/v1/fields", token: token, json: [
                "name": "seriennummer", "label": "Seriennummer", "object": "article", "type": "text",
            ])
            let (_, customer) = try await system.customer("hanna", email: "hanna@stadt.example")
            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Beamer defekt", "queue": "Servicedesk", "customer": "hanna@stadt.example",
                "fields": ["standort": "Ratssaal Nordflügel"], "article": ["body": "Lampe flackert."],
            ])
            let id = try #require(created.object.int("id"))
            let note = try await client.call(.post, "/api/v1/tickets/\(id)/articles", token: token, json: [
                "body": "Gerät geprüft.", "customerVisible": false, "fields": ["seriennummer": "Zanderfisch"],
            ])
            #expect(note.status == .created)
            func finds(_ query: String, as caller: String) async throws -> Bool {
                try await client.call(.get, "/api/v1/tickets?q=\(query)", token: caller).items.contains { $0.int("id") == id }
            }
            #expect(try await finds("Nordflügel", as: customer))
            #expect(try await finds("Zanderfisch", as: token))
            #expect(try await !finds("Zanderfisch", as: customer))

            #expect(try await client.call(.patch, "/api/v1/fields/standort", token: token, json: [
                "label": "Standort", "customerVisible": false,
            ]).status == .ok)
            #expect(try await !finds("Nordflügel", as: customer))
            #expect(try await finds("Nordflügel", as: token))

            #expect(try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["title": "Beamer im Ratssaal defekt"]).status == .ok)
            #expect(try await finds("Zanderfisch", as: token))
            #expect(try await finds("Ratssaal", as: customer))
        }
    }
}
