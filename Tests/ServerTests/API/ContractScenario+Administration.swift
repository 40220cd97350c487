import Foundation
import HTTPTypes
import Testing

/// The administration part of the walk: a role's rights replaced, a user found, changed and deactivated, and
/// every one of these changes in the change log.
extension ContractScenario {
    func administration(queueID: Int64) async throws {
        let role = try await api.call(.post, "/api/v1/roles", token: admin, json: ["name": "Lizenzprüfung", "queues": [String(queueID): ["read"]]])
        let roleID = try #require(role.object.int("id"))
        let replaced = try await api.call(.put, "/api/v1/roles/\(roleID)", token: admin, json: [
            "name": "Lizenzprüfung und -vergabe", "comment": "Lesen und antworten", "queues": [String(queueID): ["read", "reply"]],
        ])
        #expect((replaced.object["queues"] as? [String: [String]])?[String(queueID)] == ["read", "reply"])
        #expect(try await api.call(.put, "/api/v1/roles/\(roleID)", token: admin, json: ["name": "IT-Servicedesk", "queues": [:]]).status == .conflict)
        #expect(try await api.call(.put, "/api/v1/roles/987654", token: admin, json: ["name": "Niemand", "queues": [:]]).status == .notFound)

        let user = try await api.call(.post, "/api/v1/users", token: admin, json: ["login": "lars.lizenz", "password": "lizenz-passwort"])
        let userID = try #require(user.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/users?q=LIZENZ", token: admin).items.compactMap { $0.int("id") } == [userID])
        let changed = try await api.call(.patch, "/api/v1/users/\(userID)", token: admin, json: [
            "firstName": "Lars", "lastName": "Lizenz", "email": "Lars.Lizenz@Stadt.Example", "locale": "en", "roleIds": [roleID],
        ])
        #expect(changed.object.string("email") == "lars.lizenz@stadt.example" && changed.object["roleIds"] as? [Int] == [Int(roleID)])
        #expect(try await api.call(.patch, "/api/v1/users/\(userID)", token: admin, json: ["roleIds": [987654]]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/users/\(userID)", token: admin, json: ["locale": "fr"]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/users/987654", token: admin, json: ["isActive": false]).status == .notFound)
        let me = try #require(try await api.call(.get, "/api/v1/me", token: admin).object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/users/\(me)", token: admin, json: ["isActive": false]).status == .unprocessableContent)
        let token = try await api.call(.post, "/api/v1/tokens", token: admin, json: ["name": "Lars", "login": "lars.lizenz"])
        let larsToken = try #require(token.object.string("token"))
        #expect(try await api.call(.get, "/api/v1/me", token: larsToken).status == .ok)
        #expect(try await api.call(.patch, "/api/v1/users/\(userID)", token: larsToken, json: ["isAdmin": true]).status == .forbidden)
        #expect(try await api.call(.patch, "/api/v1/users/\(userID)", token: admin, json: ["isActive": false]).object["isActive"] as? Bool == false)
        #expect(try await api.call(.get, "/api/v1/me", token: larsToken).status == .unauthorized)

        let log = try await api.call(.get, "/api/v1/admin/changes?limit=4", token: admin)
        #expect(log.items.map { "\($0.string("kind") ?? "") \($0.string("action") ?? "")" } == ["user deactivated", "user updated", "user created", "role updated"])
        #expect(log.items.first?.string("name") == "lars.lizenz" && log.items.first?.string("actorLogin") == "admin")
        let older = try #require(log.object.string("next"))
        #expect(try await api.call(.get, "/api/v1/admin/changes?before=\(older)&limit=1", token: admin).items.first?.string("action") == "created")
        #expect(try await api.call(.get, "/api/v1/admin/changes", token: larsToken).status == .unauthorized)
    }
}
