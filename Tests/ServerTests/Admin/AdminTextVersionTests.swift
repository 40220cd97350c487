import Foundation
import HTTPTypes
import Testing

/// The records versioned after master data, users and roles: text templates, mail accounts, mail filters, field
/// definitions and a queue's mail texts.
@Suite("Versions of the remaining administered records over REST")
struct AdminTextVersionTests {
    /// One versioned resource: where it lives, how it is changed, and the attribute a change shows in.
    struct Resource {
        var path: String
        var method: HTTPRequest.Method = .patch
        var mine: [String: Any]
        var theirs: [String: Any]
        var attribute: (JSONResponse) -> String?
    }

    @Test("each answers with an ETag, every change counts it up, and a stale If-Match is refused with 412 and changes nothing",
          arguments: TestBackend.available)
    func staleIfMatchChangesNothing(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            func create(_ path: String, _ body: [String: Any]) async throws -> Int64 {
                let created = try await client.call(.post, path, token: admin, json: body)
                #expect(created.status == .created, "\(path): \(created.status)")
                #expect(created.headers[.eTag] == "\"1\"", "\(path) answers a new record with version 1")
                return try #require(created.object.int("id"))
            }
            let queueVersion = try await client.call(.get, "/api/v1/queues/1", token: admin).headers[.eTag]
            let template = try await create("/api/v1/text-templates", ["name": "Gruß", "textDE": "Guten Tag"])
            let account = try await create("/api/v1/mail/accounts", [
                "name": "Bürgerbüro", "host": "imap.stadt.example", "username": "buergerbuero", "password": "geheim-123", "queueId": 1,
            ])
            let filter = try await create("/api/v1/mail/filters", [
                "name": "Werbung", "conditions": [["header": "Subject", "pattern": "angebot"]], "actions": ["ignore": true],
            ])
            let field = try await client.call(.post, "/api/v1/fields", token: admin,
                                              json: ["name": "aktenzeichen", "label": "Aktenzeichen", "object": "ticket", "type": "text"])
            #expect(field.headers[.eTag] == "\"1\"")

            let resources = [
                Resource(path: "/api/v1/text-templates/\(template)", mine: ["textDE": "Guten Morgen"], theirs: ["textDE": "Hallo"]) {
                    $0.object.string("textDE")
                },
                Resource(path: "/api/v1/mail/accounts/\(account)", mine: ["folder": "Eingang"], theirs: ["folder": "Alt"]) {
                    $0.object.string("folder")
                },
                Resource(path: "/api/v1/mail/filters/\(filter)", mine: ["position": 5], theirs: ["position": 7]) {
                    $0.object.int("position").map(String.init)
                },
                Resource(path: "/api/v1/fields/aktenzeichen", mine: ["label": "Geschäftszeichen"], theirs: ["label": "Az."]) {
                    $0.object.string("label")
                },
                Resource(path: "/api/v1/queues/1/mail-texts", method: .put, mine: ["signature": "Ihr Servicedesk", "autoResponses": [Any]()],
                         theirs: ["signature": "Alt", "autoResponses": [Any]()]) {
                    $0.object.string("signature")
                },
            ]
            for resource in resources {
                let read = try await client.call(.get, resource.path, token: admin)
                #expect(read.status == .ok, "\(resource.path)")
                #expect(read.headers[.eTag] == "\"1\"", "\(resource.path) starts at version 1")

                let changed = try await client.call(resource.method, resource.path, token: admin, json: resource.mine, headers: [.ifMatch: "\"1\""])
                #expect(changed.status == .ok, "\(resource.path): \(changed.status)")
                #expect(changed.headers[.eTag] == "\"2\"", "\(resource.path) counts its version up")

                let stale = try await client.call(resource.method, resource.path, token: admin, json: resource.theirs, headers: [.ifMatch: "\"1\""])
                #expect(stale.status == .preconditionFailed, "\(resource.path): \(stale.status)")
                #expect(stale.isProblem)
                let after = try await client.call(.get, resource.path, token: admin)
                #expect(resource.attribute(after) == resource.attribute(changed), "\(resource.path): the stale change changed nothing")
                #expect(after.headers[.eTag] == "\"2\"", "\(resource.path)")

                let unconditional = try await client.call(resource.method, resource.path, token: admin, json: resource.theirs)
                #expect(unconditional.headers[.eTag] == "\"3\"", "\(resource.path): a change without If-Match counts up too")
                #expect(resource.attribute(unconditional) == resource.attribute(try await client.call(.get, resource.path, token: admin)))
            }
            let queue = try await client.call(.get, "/api/v1/queues/1", token: admin)
            #expect(queue.headers[.eTag] == queueVersion, "saving a queue's mail texts leaves the queue's own version alone")
        }
    }
}
