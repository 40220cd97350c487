import Foundation
import HTTPTypes
import Testing

/// Ids that name nothing: in a path they are 404, in a body 422 naming the field; never 5xx, never a change.
@Suite("Bad input: unknown ids")
struct UnknownIdentifierTests {
    static let pathIDs = ["0", "-1", "99999999999", "9223372036854775807", "9223372036854775808", "99999999999999999999",
                          "abc", "1.5", "1e3", "0x10", "%20", "%00", "%27%3B%20DROP%20TABLE%20tickets%3B--", "01x"]

    @Test("unknown ids in paths: 404 problem on every route with an id", arguments: TestBackend.available)
    func pathIdentifiers(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let routes: [(HTTPRequest.Method, (String) -> String, [String: Any]?)] = [
                (.get, { "/api/v1/tickets/\($0)" }, nil),
                (.patch, { "/api/v1/tickets/\($0)" }, ["title": "Neu"]),
                (.get, { "/api/v1/tickets/\($0)/articles" }, nil),
                (.post, { "/api/v1/tickets/\($0)/articles" }, ["body": "Text"]),
                (.get, { "/api/v1/tickets/\($0)/attachments" }, nil),
                (.get, { "/api/v1/attachments/\($0)" }, nil),
                (.get, { "/api/v1/tickets/\($0)/history" }, nil),
                (.get, { "/api/v1/tickets/\($0)/links" }, nil),
                (.post, { "/api/v1/tickets/\($0)/links" }, ["type": "relates", "targetId": scene.other]),
                (.delete, { "/api/v1/tickets/\(scene.ticket)/links/\($0)" }, nil),
                (.delete, { "/api/v1/tickets/\($0)/links/\(scene.link)" }, nil),
                (.post, { "/api/v1/tickets/\($0)/merge" }, ["targetId": scene.other]),
                (.get, { "/api/v1/tickets/\($0)/watchers" }, nil),
                (.post, { "/api/v1/tickets/\($0)/watchers" }, [:]),
                (.delete, { "/api/v1/tickets/\($0)/watchers/\(scene.agent)" }, nil),
                (.delete, { "/api/v1/tickets/\(scene.ticket)/watchers/\($0)" }, nil),
                (.get, { "/api/v1/tickets/\($0)/time-entries" }, nil),
                (.post, { "/api/v1/tickets/\($0)/time-entries" }, ["minutes": 5]),
                (.get, { "/api/v1/tickets/\($0)/seen" }, nil),
                (.post, { "/api/v1/tickets/\($0)/seen" }, nil),
                (.get, { "/api/v1/users/\($0)" }, nil),
                (.get, { "/api/v1/contacts/\($0)" }, nil),
                (.put, { "/api/v1/contacts/\($0)" }, ["lastName": "Neu"]),
                (.get, { "/api/v1/organisations/\($0)" }, nil),
                (.put, { "/api/v1/organisations/\($0)" }, ["name": "Neu"]),
                (.patch, { "/api/v1/queues/\($0)" }, ["comment": "x"]),
                (.patch, { "/api/v1/states/\($0)" }, ["name": "x"]),
                (.patch, { "/api/v1/priorities/\($0)" }, ["rank": 2]),
                (.patch, { "/api/v1/types/\($0)" }, ["name": "x"]),
                (.patch, { "/api/v1/services/\($0)" }, ["name": "x"]),
                (.patch, { "/api/v1/fields/f_\($0)" }, ["label": "x"]),
                (.delete, { "/api/v1/tokens/\($0)" }, nil),
            ]
            let before = try await system.snapshot()
            for (method, path, body) in routes {
                for id in Self.pathIDs {
                    let response = try await client.call(method, path(id), token: scene.token, json: body)
                    // `/tickets/{id}/watchers/{userId}` on a real ticket names a user who does not watch: no change, 200.
                    if method == .delete, path(id).hasPrefix("/api/v1/tickets/\(scene.ticket)/watchers/") {
                        #expect(response.status.code < 500, "\(method) \(path(id)): \(response.summary)")
                        continue
                    }
                    expectProblem(response, .notFound, "\(method) \(path(id))")
                }
            }
            try await system.expectUnchanged(since: before, "requests with unknown path ids")
        }
    }

    @Test("unknown and foreign ids in bodies: 422 naming the field", arguments: TestBackend.available)
    func bodyIdentifiers(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let (customerContact, _) = try await system.customer("kunde", email: "kunde@stadtkasse.example")
            let t = scene.ticket
            let unknown: [Any] = [0, -1, 99_999_999_999, Int64.max]
            let ticket: [String: Any] = ["title": "Drucker", "queue": "Servicedesk"]
            var cases: [(HTTPRequest.Method, String, [String: Any], String)] = []
            for id in unknown {
                for key in ["queueId", "stateId", "priorityId", "typeId", "serviceId", "contactId", "ownerId", "responsibleId"] {
                    var body = ticket
                    body[key] = id
                    if key == "queueId" { body["queue"] = nil }
                    cases.append((.post, "/api/v1/tickets", body, key))
                }
                for key in ["queueId", "stateId", "priorityId", "typeId", "serviceId", "contactId", "organisationId", "ownerId", "responsibleId"] {
                    cases.append((.patch, "/api/v1/tickets/\(t)", [key: id], key))
                }
                cases += [
                    (.post, "/api/v1/tickets/\(t)/links", ["type": "relates", "targetId": id], "targetId"),
                    (.post, "/api/v1/tickets/\(t)/merge", ["targetId": id], "targetId"),
                    (.post, "/api/v1/tickets/\(t)/watchers", ["userId": id], "userId"),
                    (.post, "/api/v1/queues", ["name": "Neu", "parentId": id], "parentId"),
                    (.patch, "/api/v1/queues/\(scene.queue)", ["parentId": id], "parentId"),
                    (.post, "/api/v1/services", ["name": "Neu", "parentId": id], "parentId"),
                    (.post, "/api/v1/users", ["login": "neu", "roleIds": [scene.role, id]], "roleIds"),
                    (.post, "/api/v1/users", ["login": "neu", "isCustomer": true, "contactId": id], "contactId"),
                    (.post, "/api/v1/contacts", ["lastName": "Neu", "organisationId": id], "organisationId"),
                    (.put, "/api/v1/contacts/\(scene.contact)", ["lastName": "Kim", "organisationId": id], "organisationId"),
                    (.post, "/api/v1/organisations", ["name": "Neu", "parentId": id], "parentId"),
                    (.post, "/api/v1/roles", ["name": "Neu", "queues": ["\(id)": ["read"]]], "queues.\(id)"),
                    (.post, "/api/v1/tickets", ticket.merging(["fields": ["f_contact": id]]) { $1 }, "fields.f_contact"),
                    (.post, "/api/v1/tickets", ticket.merging(["fields": ["f_user": id]]) { $1 }, "fields.f_user"),
                    (.patch, "/api/v1/tickets/\(t)", ["fields": ["f_contact": id]], "fields.f_contact"),
                ]
            }
            for (id, field) in [("abc", "queueId"), ("1", "queueId"), ("", "queueId")] {
                cases.append((.post, "/api/v1/tickets", ["title": "x", "queueId": id], field))
            }
            // Ids that exist but name the wrong kind of thing: a customer is no owner, a queue is no parent of itself.
            let customerUser = try #require(try await client.call(.get, "/api/v1/users?limit=1000", token: scene.token).items
                .first { $0.string("login") == "kunde" }?.int("id"))
            let master = try await system.services.masterData.snapshot()
            let child = try #require(master.queues.first { $0.parentID == scene.queue }?.id)
            cases += [
                (.patch, "/api/v1/queues/\(scene.queue)", ["parentId": child], "parentId"),
                (.patch, "/api/v1/tickets/\(t)", ["ownerId": customerUser], "ownerId"),
                (.patch, "/api/v1/tickets/\(t)", ["responsibleId": customerUser], "responsibleId"),
                (.post, "/api/v1/tickets/\(t)/watchers", ["userId": customerUser], "userId"),
                (.patch, "/api/v1/queues/\(scene.queue)", ["parentId": scene.queue], "parentId"),
                (.post, "/api/v1/tickets", ticket.merging(["fields": ["f_user": customerUser + 1000]]) { $1 }, "fields.f_user"),
                (.post, "/api/v1/tickets", ticket.merging(["fields": ["f_contact": customerContact + 1000]]) { $1 }, "fields.f_contact"),
            ]
            for (method, path, body, field) in cases {
                let before = try await system.snapshot()
                let response = try await client.call(method, path, token: scene.token, json: body)
                expectProblem(response, .unprocessableContent, field: field, "\(method) \(path) \(body)")
                try await system.expectUnchanged(since: before, "\(method) \(path) \(body)")
            }
            // Known references are accepted: the checks above are not refusing everything.
            let accepted = try await client.call(.post, "/api/v1/tickets", token: scene.token, json: ticket.merging([
                "fields": ["f_contact": customerContact, "f_user": scene.agent, "f_config_item": 4711],
            ]) { $1 })
            #expect(accepted.status == .created, "\(accepted.summary)")
        }
    }
}
