import Foundation
import HTTPTypes
import Testing

@Suite("Versions of administered records over REST")
struct AdminVersionTests {
    @Test("master data answers with an ETag; a stale If-Match is refused with 412 and changes nothing", arguments: TestBackend.available)
    func staleIfMatchChangesNothing(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let created = try await client.call(.post, "/api/v1/queues", token: admin, json: ["name": "Standesamt", "comment": "erster Stand"])
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let id = try #require(created.object.int("id"))

            let read = try await client.call(.get, "/api/v1/queues/\(id)", token: admin)
            #expect(read.headers[.eTag] == "\"1\"")
            #expect(read.object.string("comment") == "erster Stand")

            let changed = try await client.call(.patch, "/api/v1/queues/\(id)", token: admin, json: ["comment": "zweiter Stand"],
                                                headers: [.ifMatch: "\"1\""])
            #expect(changed.status == .ok)
            #expect(changed.headers[.eTag] == "\"2\"")

            let stale = try await client.call(.patch, "/api/v1/queues/\(id)", token: admin, json: ["comment": "verlorener Stand"],
                                              headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.isProblem)
            let after = try await client.call(.get, "/api/v1/queues/\(id)", token: admin)
            #expect(after.object.string("comment") == "zweiter Stand")
            #expect(after.headers[.eTag] == "\"2\"")

            let unconditional = try await client.call(.patch, "/api/v1/priorities/1", token: admin, json: ["rank": 2])
            #expect(unconditional.status == .ok)
            #expect(unconditional.headers[.eTag] == "\"2\"", "every update counts the version up, with or without If-Match")
        }
    }

    @Test("a refused input names each problem's code and parameters besides the English message", arguments: TestBackend.available)
    func problemsCarryCodes(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let refused = try await client.call(.post, "/api/v1/queues", token: system.adminToken, json: ["name": ""])
            #expect(refused.status == .unprocessableContent)
            let issue = try #require((refused["errors"] as? [[String: Any]])?.first)
            #expect(issue.string("field") == "name")
            #expect(issue.string("code") == "length")
            #expect(issue["parameters"] as? [String: String] == ["min": "1", "max": "200"])
            #expect(issue.string("message") == "Needs 1 to 200 characters.")

            let priority = try await client.call(.post, "/api/v1/priorities", token: system.adminToken, json: ["name": "Sofort", "rank": 0])
            let rank = try #require((priority["errors"] as? [[String: Any]])?.first)
            #expect(rank.string("code") == "outOfRange")
            #expect(rank["parameters"] as? [String: String] == ["min": "1", "max": "100"])
        }
    }

    @Test("users and roles answer with an ETag; a stale If-Match is refused with 412 and changes nothing", arguments: TestBackend.available)
    func usersAndRoles(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let created = try await client.call(.post, "/api/v1/users", token: admin,
                                                json: ["login": "s.stein", "password": "stein-passwort-1", "isAgent": true, "firstName": "Sara"])
            let id = try #require(created.object.int("id"))
            #expect(try await client.call(.get, "/api/v1/users/\(id)", token: admin).headers[.eTag] == "\"1\"")
            let renamed = try await client.call(.patch, "/api/v1/users/\(id)", token: admin, json: ["firstName": "Sarah"], headers: [.ifMatch: "\"1\""])
            #expect(renamed.headers[.eTag] == "\"2\"")
            #expect(renamed.object.int("version") == 2)
            let stale = try await client.call(.patch, "/api/v1/users/\(id)", token: admin, json: ["firstName": "Sahra"], headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(try await client.call(.get, "/api/v1/users/\(id)", token: admin).object.string("firstName") == "Sarah")

            let role = try await client.call(.post, "/api/v1/roles", token: admin, json: ["name": "Leser", "queues": [:] as [String: Any]])
            let roleID = try #require(role.object.int("id"))
            let replaced = try await client.call(.put, "/api/v1/roles/\(roleID)", token: admin,
                                                 json: ["name": "Leserinnen", "queues": [:] as [String: Any]], headers: [.ifMatch: "\"1\""])
            #expect(replaced.headers[.eTag] == "\"2\"")
            let staleRole = try await client.call(.put, "/api/v1/roles/\(roleID)", token: admin,
                                                  json: ["name": "Alt", "queues": [:] as [String: Any]], headers: [.ifMatch: "\"1\""])
            #expect(staleRole.status == .preconditionFailed)
            let roles = try await client.call(.get, "/api/v1/roles", token: admin).items
            #expect(roles.first { $0.int("id") == roleID }?.string("name") == "Leserinnen")
        }
    }
}
