import Foundation
import HTTPTypes
import Testing

/// Master data, users, roles and fields are for administrators; contacts and organisations for agents who
/// may create tickets; customers see only their own contact, organisation and account.
@Suite("Permission matrix: administration and people")
struct AdministrationAccessTests {
    struct Write: Sendable {
        var name: String
        var method: HTTPRequest.Method
        var path: @Sendable (AccessWorld) -> String
        var body: @Sendable (Actor) -> [String: Any]
        var allowed: Set<Actor>
    }

    static let adminOnly: Set<Actor> = [.admin]
    static let peopleEditors: Set<Actor> = [.admin, .noteA, .allA]

    static let writes: [Write] = [
        Write(name: "POST queue", method: .post, path: { _ in "/api/v1/queues" }, body: { ["name": "Queue von \($0)"] }, allowed: adminOnly),
        Write(name: "PATCH queue", method: .patch, path: { "/api/v1/queues/\($0.queueAID)" },
              body: { ["comment": "geändert von \($0)"] }, allowed: adminOnly),
        Write(name: "PATCH queue inactive", method: .patch, path: { "/api/v1/queues/\($0.queueBID)" }, body: { _ in ["isActive": false] }, allowed: adminOnly),
        Write(name: "POST state", method: .post, path: { _ in "/api/v1/states" }, body: { ["name": "Status \($0)", "type": "open"] }, allowed: adminOnly),
        Write(name: "POST priority", method: .post, path: { _ in "/api/v1/priorities" }, body: { ["name": "Prio \($0)", "rank": 3] }, allowed: adminOnly),
        Write(name: "POST type", method: .post, path: { _ in "/api/v1/types" }, body: { ["name": "Typ \($0)"] }, allowed: adminOnly),
        Write(name: "POST service", method: .post, path: { _ in "/api/v1/services" }, body: { ["name": "Dienst \($0)"] }, allowed: adminOnly),
        Write(name: "POST user", method: .post, path: { _ in "/api/v1/users" },
              body: { ["login": "neu-\($0)", "password": "ein-langes-passwort", "isAdmin": true] }, allowed: adminOnly),
        Write(name: "POST role", method: .post, path: { _ in "/api/v1/roles" }, body: { ["name": "Rolle \($0)", "queues": [:] as [String: Any]] },
              allowed: adminOnly),
        Write(name: "POST field", method: .post, path: { _ in "/api/v1/fields" },
              body: { ["name": "feld_\($0.rawValue.lowercased())", "label": "Feld", "object": "ticket", "type": "text"] }, allowed: adminOnly),
        Write(name: "PATCH field", method: .patch, path: { _ in "/api/v1/fields/public_ref" }, body: { _ in ["required": true] }, allowed: adminOnly),
        Write(name: "POST contact", method: .post, path: { _ in "/api/v1/contacts" },
              body: { ["lastName": "Neu", "emails": ["neu-\($0)@stadt.example"]] }, allowed: peopleEditors),
        Write(name: "PUT contact (move to another organisation)", method: .put, path: { "/api/v1/contacts/\($0.contacts[.customerOrg] ?? 0)" },
              body: { _ in ["lastName": "customerOrg", "emails": ["bernd.berg@buergeramt.example"], "organisationId": NSNull()] },
              allowed: peopleEditors),
        Write(name: "POST organisation", method: .post, path: { _ in "/api/v1/organisations" }, body: { ["name": "Amt \($0)"] }, allowed: peopleEditors),
        Write(name: "PUT organisation", method: .put, path: { "/api/v1/organisations/\($0.organisationY)" },
              body: { _ in ["name": "Ordnungsamt", "mailDomains": ["ordnungsamt.example"]] }, allowed: peopleEditors),
    ]

    @Test("administration and people writes: refused (401/403, nothing changed) unless permitted", arguments: TestBackend.available)
    func writes(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            for write in Self.writes {
                for actor in Actor.allCases where !write.allowed.contains(actor) {
                    let before = try await system.snapshot()
                    let response = try await client.call(write.method, write.path(world), token: world.token(actor), json: write.body(actor))
                    expectProblem(response, actor == .anonymous ? .unauthorized : .forbidden, "\(write.name) by \(actor)")
                    try await system.expectUnchanged(since: before, "\(write.name) by \(actor)")
                }
                for actor in Actor.allCases where write.allowed.contains(actor) {
                    let response = try await client.call(write.method, write.path(world), token: world.token(actor), json: write.body(actor))
                    #expect((200..<300).contains(response.status.code), "\(write.name) by \(actor): \(response.summary)")
                }
            }
            // The permitted change went through (and is visible to everyone who lists queues).
            let queues = try await client.call(.get, "/api/v1/queues", token: world.token(.customerOwn)).items
            #expect(queues.first { $0.int("id") == world.queueBID }?["isActive"] as? Bool == false)
        }
    }

    @Test("people reads: customers see their own contact, account and (if granted) organisation, and nothing else", arguments: TestBackend.available)
    func peopleReads(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await AccessWorld.build(system, client)
            let adminID = world.userIDs[.admin] ?? 0
            for actor in Actor.allCases {
                let token = world.token(actor)
                let me = try await client.call(.get, "/api/v1/me", token: token)
                let ownContact = world.contacts[actor] ?? 0
                let cases: [(String, HTTPResponse.Status)] = switch actor {
                case .anonymous:
                    [("/api/v1/me", .unauthorized), ("/api/v1/users", .unauthorized), ("/api/v1/fields", .unauthorized)]
                case .customerOwn, .customerOrg, .customerOther:
                    [
                        ("/api/v1/users", .forbidden), ("/api/v1/roles", .forbidden), ("/api/v1/contacts", .forbidden),
                        ("/api/v1/organisations", .forbidden), ("/api/v1/users/\(adminID)", .notFound),
                        ("/api/v1/users/\(me.object.int("id") ?? 0)", .ok), ("/api/v1/contacts/\(ownContact)", .ok),
                        ("/api/v1/contacts/\(world.contacts[actor == .customerOwn ? .customerOrg : .customerOwn] ?? 0)", .notFound),
                        ("/api/v1/organisations/\(world.organisationX)", actor == .customerOrg ? .ok : .notFound),
                        ("/api/v1/organisations/\(world.organisationY)", actor == .customerOther ? .ok : .notFound),
                    ]
                case .admin, .readA, .noteA, .allA, .noRole:
                    [
                        ("/api/v1/users", .ok), ("/api/v1/roles", .ok), ("/api/v1/contacts", .ok), ("/api/v1/users/\(adminID)", .ok),
                        ("/api/v1/contacts/\(world.contacts[.customerOwn] ?? 0)", .ok), ("/api/v1/organisations/\(world.organisationY)", .ok),
                    ]
                }
                for (path, expected) in cases {
                    let response = try await client.call(.get, path, token: token)
                    #expect(response.status == expected, "\(actor) GET \(path): \(response.summary)")
                    if expected != .ok { expectProblem(response, "\(actor) GET \(path)") }
                }
                if actor != .anonymous {
                    // Field definitions: customers learn only of the fields they may see.
                    let fields = try await client.call(.get, "/api/v1/fields?object=ticket", token: token).items.compactMap { $0.string("name") }
                    #expect(Set(fields) == (actor.isCustomer ? ["public_ref"] : ["internal_code", "public_ref"]), "\(actor)")
                }
            }
        }
    }
}
