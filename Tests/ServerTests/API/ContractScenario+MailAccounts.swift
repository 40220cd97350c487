import Foundation
import HTTPTypes
import Testing

/// The mail-account part of the walk: create, read, change, refuse, delete; the password never comes back.
extension ContractScenario {
    func mailAccounts(_ people: People) async throws {
        let input: [String: Any] = [
            "name": "Servicedesk-Postfach", "host": "imap.stadt.example", "security": "tls", "username": "servicedesk",
            "password": "geheim-123", "queueId": 1, "afterImport": "move", "moveFolder": "Archiv/Ticketwerk",
        ]
        let created = try await api.call(.post, "/api/v1/mail/accounts", token: admin, json: input)
        #expect(created.status == .created)
        #expect(created.object.int("port") == 993)
        #expect(created.object["password"] == nil && !String(buffer: created.raw).contains("geheim-123"))
        let id = try #require(created.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/mail/accounts", token: admin, json: input).status == .conflict)
        let invalid = try await api.call(.post, "/api/v1/mail/accounts", token: admin, json: [
            "name": "Kaputt", "host": "imap stadt", "port": 0, "username": "x", "queueId": 1, "afterImport": "move",
        ])
        #expect(invalid.status == .unprocessableContent)
        #expect(Set(invalid.problemFields) == ["host", "port", "password", "moveFolder"])
        #expect(try await api.call(.post, "/api/v1/mail/accounts", token: admin,
                                   json: ["name": "Falsch", "security": "ssl"]).status == .unprocessableContent)

        let changed = try await api.call(.patch, "/api/v1/mail/accounts/\(id)", token: admin, json: ["afterImport": "delete", "isActive": false])
        #expect(changed.object.string("afterImport") == "delete" && changed.object["moveFolder"] == nil)
        #expect(try await api.call(.patch, "/api/v1/mail/accounts/\(id)", token: admin, json: ["queueId": 987654]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/mail/accounts/\(id)", token: admin).object.string("host") == "imap.stadt.example")
        #expect(try await api.call(.get, "/api/v1/mail/accounts", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/mail/accounts", token: people.agentToken).status == .forbidden)
        #expect(try await api.call(.delete, "/api/v1/mail/accounts/\(id)", token: admin).status == .noContent)
        #expect(try await api.call(.get, "/api/v1/mail/accounts/\(id)", token: admin).status == .notFound)
        #expect(try await api.call(.patch, "/api/v1/mail/accounts/\(id)", token: admin, json: ["isActive": true]).status == .notFound)
    }
}
