import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Nobody changes what they must not: every refused change answers 401, 403, 404 (or 422 when the body names a
/// ticket the caller cannot see, exactly as for one that does not exist) and leaves the database as it was;
/// every permitted one succeeds, which proves the refused requests were well-formed.
@Suite("Permission matrix: changes")
struct ChangeMatrixTests {
    /// The tickets a change works on, made fresh for every run: `ticket` and `sibling` in queue A (contact
    /// customerOwn of organisation X), `foreign` in queue B (contact customerOrg of organisation X).
    struct Scene: Sendable {
        var world: AccessWorld
        var ticket: Int64
        var sibling: Int64
        var foreign: Int64
        var link: Int64?
    }

    enum Setup: Sendable {
        case none
        case adminWatches
        case linkToSibling
        case linkToForeign
    }

    /// One kind of change, with who may make it.
    struct Change: Sendable, CustomTestStringConvertible {
        var name: String
        var method: HTTPRequest.Method
        var path: @Sendable (Scene) -> String
        var body: @Sendable (Scene) -> [String: Any]
        /// Who may make the change; everyone else must be refused.
        var allowed: Set<Actor>
        /// Whether the use case refuses non-agents before looking at the ticket (customers get 403 for any ticket).
        var agentsOnly = false
        /// Whether the change works on `foreign` (queue B) instead of `ticket`.
        var onForeign = false
        var setup = Setup.none
        /// Expected refusals that the general rule does not give.
        var overrides: [Actor: HTTPResponse.Status] = [:]

        var testDescription: String { name }

        func sees(_ actor: Actor) -> Bool {
            switch actor {
            case .admin: true
            case .readA, .noteA, .allA, .customerOwn: !onForeign
            case .customerOrg: true
            case .customerOther, .noRole, .anonymous: false
            }
        }

        /// The status a refused `actor` must get.
        func refusal(for actor: Actor) -> HTTPResponse.Status {
            if let status = overrides[actor] { return status }
            if actor == .anonymous { return .unauthorized }
            if agentsOnly, actor.isCustomer { return .forbidden }
            return sees(actor) ? .forbidden : .notFound
        }
    }

    static func patch(_ name: String, _ body: [String: Any], allowed: Set<Actor> = [.admin, .allA], onForeign: Bool = false,
                      overrides: [Actor: HTTPResponse.Status] = [:]) -> Change {
        nonisolated(unsafe) let body = body
        return Change(name: name, method: .patch, path: { "/api/v1/tickets/\(onForeign ? $0.foreign : $0.ticket)" }, body: { _ in body },
                      allowed: allowed, agentsOnly: true, onForeign: onForeign, overrides: overrides)
    }

    static let changes: [Change] = [
        patch("PATCH state", ["state": "offen"]),
        patch("PATCH title", ["title": "Neuer Titel"]),
        patch("PATCH priority", ["priority": "5 sehr hoch"]),
        patch("PATCH type and service", ["type": "Störung", "service": "Drucken"]),
        patch("PATCH pending", ["state": "warten auf Rückmeldung", "pendingUntil": "2030-01-01T08:00:00Z"]),
        patch("PATCH customer-visible field", ["fields": ["public_ref": "Neues Zeichen"]]),
        patch("PATCH internal field", ["fields": ["internal_code": "4711"]]),
        // Moving needs `move` here and `create` in the target queue, which allA lacks in B.
        patch("PATCH queue (move to B)", ["queue": AccessWorld.queueB], allowed: [.admin]),
        patch("PATCH state of a ticket in B", ["state": "offen"], allowed: [.admin], onForeign: true),
        Change(name: "PATCH owner", method: .patch, path: { "/api/v1/tickets/\($0.ticket)" },
               body: { ["ownerId": $0.world.userIDs[.allA] ?? 0] }, allowed: [.admin, .allA], agentsOnly: true),
        Change(name: "PATCH responsible", method: .patch, path: { "/api/v1/tickets/\($0.ticket)" },
               body: { ["responsibleId": $0.world.userIDs[.noteA] ?? 0] }, allowed: [.admin, .allA], agentsOnly: true),
        Change(name: "PATCH contact", method: .patch, path: { "/api/v1/tickets/\($0.ticket)" },
               body: { ["contactId": $0.world.contacts[.customerOther] ?? 0] }, allowed: [.admin, .allA], agentsOnly: true),
        Change(name: "PATCH organisation", method: .patch, path: { "/api/v1/tickets/\($0.ticket)" },
               body: { ["organisationId": $0.world.organisationY] }, allowed: [.admin, .allA], agentsOnly: true),

        Change(name: "POST internal note", method: .post, path: { "/api/v1/tickets/\($0.ticket)/articles" },
               body: { _ in ["body": "Intern notiert", "channel": "note", "customerVisible": false] }, allowed: [.admin, .allA, .noteA],
               overrides: [.customerOwn: .unprocessableContent, .customerOrg: .unprocessableContent, .customerOther: .unprocessableContent]),
        Change(name: "POST reply", method: .post, path: { "/api/v1/tickets/\($0.ticket)/articles" },
               body: { _ in ["body": "Antwort an die Kundin", "channel": "email", "customerVisible": true] },
               allowed: [.admin, .allA, .customerOwn, .customerOrg]),
        Change(name: "POST customer article on B", method: .post, path: { "/api/v1/tickets/\($0.foreign)/articles" },
               body: { _ in ["body": "Nachfrage"] }, allowed: [.admin, .customerOrg], onForeign: true),
        Change(name: "POST time entry", method: .post, path: { "/api/v1/tickets/\($0.ticket)/time-entries" },
               body: { _ in ["minutes": 15] }, allowed: [.admin, .allA, .noteA]),
        Change(name: "POST watch (self)", method: .post, path: { "/api/v1/tickets/\($0.ticket)/watchers" },
               body: { _ in [:] }, allowed: [.admin, .allA, .noteA, .readA], agentsOnly: true),
        Change(name: "POST watcher (someone else)", method: .post, path: { "/api/v1/tickets/\($0.ticket)/watchers" },
               body: { ["userId": $0.world.userIDs[.noRole] ?? 0] }, allowed: [.admin, .allA], agentsOnly: true),
        Change(name: "DELETE watcher (someone else)", method: .delete,
               path: { "/api/v1/tickets/\($0.ticket)/watchers/\($0.world.userIDs[.admin] ?? 0)" }, body: { _ in [:] },
               allowed: [.admin, .allA], agentsOnly: true, setup: .adminWatches),
        Change(name: "POST seen mark", method: .post, path: { "/api/v1/tickets/\($0.ticket)/seen" }, body: { _ in [:] },
               allowed: [.admin, .allA, .noteA, .readA, .customerOwn, .customerOrg]),

        Change(name: "POST link within A", method: .post, path: { "/api/v1/tickets/\($0.ticket)/links" },
               body: { ["type": "relates", "targetId": $0.sibling] }, allowed: [.admin, .allA]),
        // The target in B is invisible to allA: refused exactly like a target that does not exist.
        Change(name: "POST link to a ticket in B", method: .post, path: { "/api/v1/tickets/\($0.ticket)/links" },
               body: { ["type": "relates", "targetId": $0.foreign] }, allowed: [.admin], overrides: [.allA: .unprocessableContent]),
        Change(name: "DELETE link within A", method: .delete, path: { "/api/v1/tickets/\($0.ticket)/links/\($0.link ?? 0)" },
               body: { _ in [:] }, allowed: [.admin, .allA], setup: .linkToSibling),
        // allA does not see this link (its other end is in B), so it cannot remove it either.
        Change(name: "DELETE link to a ticket in B", method: .delete, path: { "/api/v1/tickets/\($0.ticket)/links/\($0.link ?? 0)" },
               body: { _ in [:] }, allowed: [.admin], setup: .linkToForeign, overrides: [.allA: .notFound]),
        Change(name: "POST merge within A", method: .post, path: { "/api/v1/tickets/\($0.ticket)/merge" },
               body: { ["targetId": $0.sibling] }, allowed: [.admin, .allA]),
        Change(name: "POST merge into a ticket in B", method: .post, path: { "/api/v1/tickets/\($0.ticket)/merge" },
               body: { ["targetId": $0.foreign] }, allowed: [.admin],
               overrides: [.allA: .unprocessableContent, .readA: .unprocessableContent, .noteA: .unprocessableContent,
                           .customerOwn: .unprocessableContent]),
        Change(name: "POST merge a ticket in B", method: .post, path: { "/api/v1/tickets/\($0.foreign)/merge" },
               body: { ["targetId": $0.ticket] }, allowed: [.admin], onForeign: true),
    ]

    /// Makes the three tickets (and what `setup` asks for) as the administrator.
    static func makeScene(_ world: AccessWorld, _ client: some TestClientProtocol, setup: Setup) async throws -> Scene {
        let admin = world.system.adminToken
        func create(_ queue: String, contact: Actor) async throws -> Int64 {
            let created = try await client.call(.post, "/api/v1/tickets", token: admin, json: [
                "title": "Bildschirm flackert", "queue": queue, "contactId": world.contacts[contact] ?? 0,
                "article": ["body": "Seit dem Update flackert der Bildschirm.", "customerVisible": true, "channel": "phone"],
            ])
            return try #require(created.object.int("id"), "\(created.summary)")
        }
        var scene = Scene(world: world, ticket: try await create(AccessWorld.queueA, contact: .customerOwn),
                          sibling: try await create(AccessWorld.queueA, contact: .customerOwn),
                          foreign: try await create(AccessWorld.queueB, contact: .customerOrg))
        switch setup {
        case .none:
            break
        case .adminWatches:
            _ = try await client.call(.post, "/api/v1/tickets/\(scene.ticket)/watchers", token: admin, json: [:] as [String: Any])
        case .linkToSibling, .linkToForeign:
            let target = setup == .linkToSibling ? scene.sibling : scene.foreign
            scene.link = try await client.call(.post, "/api/v1/tickets/\(scene.ticket)/links", token: admin,
                                               json: ["type": "relates", "targetId": target]).object.int("id")
        }
        return scene
    }

    @Test("each change: refused for everyone without the right, database unchanged; permitted for the rest",
          arguments: TestBackend.available)
    func changeMatrix(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            for change in Self.changes {
                let scene = try await Self.makeScene(world, client, setup: change.setup)
                let ticketBefore = try await client.call(.get, "/api/v1/tickets/\(scene.ticket)", token: system.adminToken).object
                for actor in Actor.allCases where !change.allowed.contains(actor) {
                    let before = try await system.snapshot()
                    let response = try await client.call(change.method, change.path(scene), token: world.token(actor), json: change.body(scene))
                    let expected = change.refusal(for: actor)
                    #expect(response.status == expected, "\(change.name) by \(actor): \(response.summary)")
                    expectProblem(response, "\(change.name) by \(actor)")
                    try await system.expectUnchanged(since: before, "\(change.name) by \(actor)")
                }
                let ticketAfter = try await client.call(.get, "/api/v1/tickets/\(scene.ticket)", token: system.adminToken).object
                #expect(NSDictionary(dictionary: ticketBefore).isEqual(to: ticketAfter), "\(change.name): ticket changed")

                for actor in Actor.allCases where change.allowed.contains(actor) {
                    let scene = try await Self.makeScene(world, client, setup: change.setup)
                    let before = try await system.snapshot()
                    let response = try await client.call(change.method, change.path(scene), token: world.token(actor), json: change.body(scene))
                    #expect((200..<300).contains(response.status.code), "\(change.name) by \(actor): \(response.summary)")
                    #expect(try await system.snapshot() != before, "\(change.name) by \(actor) changed nothing")
                }
            }
        }
    }

    @Test("creating tickets needs `create` in the queue (customers may write to any active queue)", arguments: TestBackend.available)
    func createTickets(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            let expectations: [(String, Set<Actor>)] = [
                (AccessWorld.queueA, [.admin, .noteA, .allA, .customerOwn, .customerOrg, .customerOther]),
                (AccessWorld.queueB, [.admin, .customerOwn, .customerOrg, .customerOther]),
            ]
            for (queue, allowed) in expectations {
                for actor in Actor.allCases {
                    let before = try await system.snapshot()
                    var json: [String: Any] = ["title": "Neuer Zugang für Praktikantin", "queue": queue, "article": ["body": "Bitte einen Zugang einrichten."]]
                    if !actor.isCustomer { json["contactId"] = world.contacts[.customerOther] ?? 0 }
                    let response = try await client.call(.post, "/api/v1/tickets", token: world.token(actor), json: json)
                    if allowed.contains(actor) {
                        #expect(response.status == .created, "\(actor) in \(queue): \(response.summary)")
                        if actor.isCustomer {
                            // Customers always write as themselves.
                            #expect(response.object.int("contactId") == world.contacts[actor], "\(actor)")
                        }
                    } else {
                        expectProblem(response, actor == .anonymous ? .unauthorized : .forbidden, "\(actor) in \(queue)")
                        try await system.expectUnchanged(since: before, "\(actor) creating in \(queue)")
                    }
                }
            }
            // Customers cannot set what only agents see or decide.
            let before = try await system.snapshot()
            let internalField = try await client.call(.post, "/api/v1/tickets", token: world.token(.customerOwn), json: [
                "title": "Frage", "queue": AccessWorld.queueA, "fields": ["internal_code": "selbst gesetzt"],
            ])
            expectProblem(internalField, .unprocessableContent, field: "fields.internal_code")
            let internalArticle = try await client.call(.post, "/api/v1/tickets", token: world.token(.customerOwn), json: [
                "title": "Frage", "queue": AccessWorld.queueA, "article": ["body": "geheim", "customerVisible": false],
            ])
            expectProblem(internalArticle, .unprocessableContent, field: "article.customerVisible")
            let bookedTime = try await client.call(.post, "/api/v1/tickets/\(world.a1)/articles", token: world.token(.customerOwn),
                                                   json: ["body": "Danke!", "timeMinutes": 90])
            expectProblem(bookedTime, .unprocessableContent, field: "timeMinutes")
            for (field, value) in [("contactId", world.contacts[.customerOther] ?? 0), ("ownerId", 1), ("state", "offen"), ("priority", "5 sehr hoch")] as [(String, Any)] {
                let response = try await client.call(.post, "/api/v1/tickets", token: world.token(.customerOwn),
                                                     json: ["title": "Frage", "queue": AccessWorld.queueA, field: value])
                expectProblem(response, .unprocessableContent, field: field)
            }
            try await system.expectUnchanged(since: before, "customers setting internals")
        }
    }
}
