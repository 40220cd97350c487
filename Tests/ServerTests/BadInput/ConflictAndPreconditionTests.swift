import Foundation
import HTTPTypes
import Testing

/// Unique names taken twice are 409; stale or malformed `If-Match` versions are 412; neither changes anything.
@Suite("Bad input: duplicates and preconditions")
struct ConflictAndPreconditionTests {
    @Test("duplicate unique names: 409, whatever the case", arguments: TestBackend.available)
    func duplicates(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let second = try await client.call(.post, "/api/v1/contacts", token: scene.token, json: ["lastName": "Zweit", "emails": ["zweit@stadt.example"]])
            let secondID = try #require(second.object.int("id"))
            let otherOrganisation = try await client.call(.post, "/api/v1/organisations", token: scene.token, json: ["name": "Kämmerei"])
            let otherOrganisationID = try #require(otherOrganisation.object.int("id"))
            let cases: [(HTTPRequest.Method, String, [String: Any])] = [
                (.post, "/api/v1/queues", ["name": "servicedesk"]),
                (.post, "/api/v1/queues", ["name": "  Netzwerk  "]),
                (.patch, "/api/v1/queues/\(scene.queue)", ["name": "ARBEITSPLATZ"]),
                (.post, "/api/v1/states", ["name": "Offen", "type": "open"]),
                (.post, "/api/v1/priorities", ["name": "3 NORMAL", "rank": 3]),
                (.post, "/api/v1/types", ["name": "störung"]),
                (.post, "/api/v1/services", ["name": "drucken"]),
                (.post, "/api/v1/roles", ["name": "SERVICEDESK LESEN", "queues": [:] as [String: Any]]),
                (.post, "/api/v1/roles", ["name": "it-servicedesk", "queues": [:] as [String: Any]]),
                (.post, "/api/v1/users", ["login": "ADMIN", "password": "ein-langes-passwort"]),
                (.post, "/api/v1/users", ["login": "Ines"]),
                (.post, "/api/v1/contacts", ["lastName": "Doppelt", "emails": ["KIM@stadtkasse.example"]]),
                (.put, "/api/v1/contacts/\(secondID)", ["lastName": "Zweit", "emails": ["zweit@stadt.example", "kim@stadtkasse.example"]]),
                (.post, "/api/v1/organisations", ["name": "STADTKASSE"]),
                (.put, "/api/v1/organisations/\(otherOrganisationID)", ["name": "stadtkasse"]),
                (.post, "/api/v1/fields", ["name": "f_text", "label": "Nochmal", "object": "ticket", "type": "text"]),
                (.post, "/api/v1/fields", ["name": "f_date", "label": "Nochmal", "object": "contact", "type": "date"]),
            ]
            for (method, path, body) in cases {
                let before = try await system.snapshot()
                let response = try await client.call(method, path, token: scene.token, json: body)
                expectProblem(response, .conflict, "\(method) \(path) \(body)")
                try await system.expectUnchanged(since: before, "\(method) \(path) \(body)")
            }
            // Saving a record under its own name is no conflict.
            let same = try await client.call(.put, "/api/v1/organisations/\(scene.organisation)", token: scene.token, json: ["name": "Stadtkasse"])
            #expect(same.status == .ok)
            let sameContact = try await client.call(.put, "/api/v1/contacts/\(scene.contact)", token: scene.token,
                                                    json: ["lastName": "Kim", "emails": ["kim@stadtkasse.example"]])
            #expect(sameContact.status == .ok)
        }
    }

    @Test("If-Match: stale and malformed versions are 412, a current one or * is applied", arguments: TestBackend.available)
    func ifMatch(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let path = "/api/v1/tickets/\(scene.ticket)"
            let current = try await client.call(.get, path, token: scene.token)
            let etag = try #require(current.headers[.eTag])
            let version = try #require(current.object.int("version"))
            let refused = ["\"\(version - 1)\"", "\"\(version + 1)\"", "\"0\"", "\"-1\"", "\"abc\"", "abc", "\"\"", "", "W/", "\"1", "1\"",
                           "\"99999999999999999999\"", "\"1\", \"2\"", "\"\(version)\"x", "*x", "'\(version)'"]
            for header in refused {
                let before = try await system.snapshot()
                let response = try await client.call(.patch, path, token: scene.token, json: ["title": "Geändert"], headers: [.ifMatch: header])
                expectProblem(response, .preconditionFailed, "If-Match: \(header)")
                try await system.expectUnchanged(since: before, "If-Match: \(header)")
            }
            let unchanged = try await client.call(.get, path, token: scene.token)
            #expect(unchanged.object.string("title") == "Monitor defekt")

            let weak = try await client.call(.patch, path, token: scene.token, json: ["title": "Geändert"], headers: [.ifMatch: "W/\(etag)"])
            #expect(weak.status == .ok, "\(weak.summary)")
            let any = try await client.call(.patch, path, token: scene.token, json: ["title": "Nochmals geändert"], headers: [.ifMatch: "*"])
            #expect(any.status == .ok, "If-Match: * matches any current version: \(any.summary)")
            let missing = try await client.call(.patch, "/api/v1/tickets/99999999", token: scene.token, json: ["title": "x"], headers: [.ifMatch: "*"])
            expectProblem(missing, .notFound)
        }
    }
}
