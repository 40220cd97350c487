import Foundation
import Testing

/// On PostgreSQL the statements that create a ticket run as prepared statements, which PostgreSQL plans once per
/// connection after five runs (`PostgresSession`); a value that is sometimes missing (no owner, no
/// customer) must still arrive exactly as each request sent it.
@Suite("Repeated ticket creates")
struct RepeatedCreateTests {
    @Test("twenty creates, with and without owner and customer, each keep what was sent", arguments: TestBackend.available)
    func valuesKept(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            for index in 0..<20 {
                var json: [String: Any] = [
                    "title": "Wiederholt \(index)", "queue": "Servicedesk",
                    "article": ["body": "Bildschirm \(index) flackert seit dem Update"],
                ]
                let withOwner = index % 3 == 0, withCustomer = index % 2 == 0
                if withOwner { json["ownerId"] = 1 }
                if withCustomer { json["customer"] = "kunde\(index % 4)@stadt.example" }
                let created = try await client.call(.post, "/api/v1/tickets", token: token, json: json)
                #expect(created.status == .created)
                let id = try #require(created.object.int("id"))
                let fetched = try await client.call(.get, "/api/v1/tickets/\(id)", token: token).object
                #expect(fetched.string("title") == "Wiederholt \(index)")
                #expect(fetched.int("ownerId") == (withOwner ? 1 : nil))
                #expect((fetched.int("contactId") != nil) == withCustomer)
                let found = try await client.call(.get, "/api/v1/tickets?q=flackert&limit=50", token: token)
                #expect(found.items.count == index + 1)
            }
        }
    }
}
