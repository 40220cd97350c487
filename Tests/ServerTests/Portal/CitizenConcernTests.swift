import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Citizens without an account: confirmation by mail, status link, replies, abuse protection.
@Suite("Citizen concerns")
struct CitizenConcernTests {
    static var concern: [String: Any] {
        [
            "email": "Max.Muster@Example.org", "answers": ["strasse": "Hauptstraße 12", "schadensart": "Schlagloch", "beschreibung": "Tiefes Loch"],
        ]
    }

    @Test("a concern is confirmed by the mailed link, becomes a ticket for the address, and is followed by the private status link",
          arguments: TestBackend.available)
    func confirmAndFollow(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let damage = try await world.category("Straßenschaden melden")
            let submitted = try await client.call(.post, "/api/v1/portal/public/catalogue/\(damage)/concerns", token: nil, json: Self.concern)
            #expect(submitted.status == .accepted, "\(submitted.object)")
            #expect(try await system.count("tickets") == 0)
            let token = try await world.token(in: "/portal/confirm", to: "max.muster@example.org")
            let stored = try await system.database.read { db in
                try await db.raw("SELECT token_hash FROM portal_pending").all().map { try $0.decode(column: "token_hash", as: String.self) }
            }
            #expect(stored.count == 1 && stored[0] != token)

            let confirmed = try await client.call(.post, "/api/v1/portal/public/confirmations", token: nil, json: ["token": token])
            #expect(confirmed.status == .created, "\(confirmed.object)")
            #expect(confirmed.object.string("title") == "Straßenschaden: Hauptstraße 12")
            let number = try #require(confirmed.object.string("number"))
            let statusToken = try #require(confirmed.object.string("statusToken"))
            #expect(try await client.call(.post, "/api/v1/portal/public/confirmations", token: nil, json: ["token": token]).status == .conflict)
            #expect(try await world.token(in: "/portal/status", to: "max.muster@example.org") == statusToken)
            let tickets = try await client.call(.get, "/api/v1/tickets?q=\(number)", token: world.admin)
            let ticketID = try #require(tickets.items.first?.int("id"))
            #expect(tickets.items.first?.string("queue") == "Bürgeranliegen")
            let contact = try await client.call(.get, "/api/v1/contacts/\(try #require(tickets.items.first?.int("contactId")))", token: world.admin)
            #expect(contact.object["emails"] as? [String] == ["max.muster@example.org"])

            _ = try await client.call(.post, "/api/v1/tickets/\(ticketID)/articles", token: world.admin, json: ["body": "Intern: Bauhof informieren", "customerVisible": false])
            _ = try await client.call(.post, "/api/v1/tickets/\(ticketID)/articles", token: world.admin,
                                      json: ["body": "Der Bauhof ist informiert.", "customerVisible": true, "channel": "web"])
            let status = try await client.call(.post, "/api/v1/portal/public/status", token: nil, json: ["token": statusToken])
            #expect(status.object.string("number") == number)
            let texts = (status.object["messages"] as? [[String: Any]] ?? []).compactMap { $0.string("text") }
            #expect(texts.contains("Der Bauhof ist informiert.") && !texts.contains { $0.contains("Intern") })
            let reply = try await client.call(.post, "/api/v1/portal/public/status/replies", token: nil,
                                              json: ["token": statusToken, "body": "Danke, das Loch wird größer."])
            #expect(reply.status == .created)
            #expect((reply.object["messages"] as? [[String: Any]])?.last?.string("sender") == "customer")
            #expect(try await client.call(.post, "/api/v1/portal/public/status", token: nil, json: ["token": "falsch"]).status == .notFound)
        }
    }

    @Test("honeypot, rate limits, size limits, bad input and expired links: a clear 4xx or an empty success, nothing stored",
          arguments: TestBackend.available)
    func abuse(backend: TestBackend) async throws {
        let clock = try TestClock("2026-11-27T09:00:00Z")
        try await TestSystem.run(backend, clock: clock) { system, client in
            let world = try await PortalWorld.make(system, client)
            let damage = try await world.category("Straßenschaden melden")
            let path = "/api/v1/portal/public/catalogue/\(damage)/concerns"
            var robot = Self.concern
            robot["website"] = "http://spam.example"
            #expect(try await client.call(.post, path, token: nil, json: robot).status == .accepted)
            #expect(try await system.count("portal_pending") == 0)
            #expect(try await system.count("mail_outbox") == 0)

            let invalid = Array("{\"email\": \"a@b.example\", \"answers\": {\"strasse\": \"\u{FF}\"}}".utf8).map { $0 == 0xC3 ? 0xFF : $0 }
            #expect(try await client.call(.post, path, token: nil, raw: invalid + [0xFF], headers: [.contentType: "application/json"]).status
                == .unprocessableContent)
            var huge = Self.concern
            huge["uploads"] = ["fotos": [["filename": "a.jpg", "contentBase64": String(repeating: "A", count: 15_000_000)]]]
            #expect(try await client.call(.post, path, token: nil, json: huge).status == .contentTooLarge)
            var noAddress = Self.concern
            noAddress["email"] = "kein mail"
            #expect(try await client.call(.post, path, token: nil, json: noAddress).status == .unprocessableContent)
            #expect(try await client.call(.post, "/api/v1/portal/public/catalogue/\(try await world.category("Toner bestellen"))/concerns",
                                          token: nil, json: Self.concern).status == .notFound)
            #expect(try await system.count("portal_pending") == 0)

            var statuses: [Int] = []
            for _ in 0..<6 { statuses.append(Int(try await client.call(.post, path, token: nil, json: Self.concern).status.code)) }
            #expect(statuses == [202, 202, 202, 202, 202, 429])
            var others: [Int] = []
            for index in 0..<30 {
                var other = Self.concern
                other["email"] = "buerger\(index)@example.org"
                others.append(Int(try await client.call(.post, path, token: nil, json: other).status.code))
            }
            #expect(others.filter { $0 == 202 }.count == 25 && others.last == 429)
            #expect(try await system.count("portal_pending") == 30)

            let token = try await world.token(in: "/portal/confirm", to: "max.muster@example.org")
            try clock.set("2026-11-28T10:00:00Z")
            #expect(try await client.call(.post, "/api/v1/portal/public/confirmations", token: nil, json: ["token": token]).status == .notFound)
            #expect(try await system.count("tickets") == 0)
        }
    }

    @Test("parallel submissions from one address: exactly the limit is accepted, the rest get 429", arguments: TestBackend.available)
    func parallelSubmissions(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            var settings = try await client.call(.get, "/api/v1/portal/settings", token: world.admin).object
            settings["submissionsPerAddressPerHour"] = 3
            #expect(try await client.call(.put, "/api/v1/portal/settings", token: world.admin, json: settings).status == .ok)
            let path = "/api/v1/portal/public/catalogue/\(try await world.category("Straßenschaden melden"))/concerns"
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<16 {
                    group.addTask { UInt(try await client.call(.post, path, token: nil, json: Self.concern).status.code) }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 202 }.count == 3)
            #expect(statuses.filter { $0 == 429 }.count == 13)
            #expect(try await system.count("portal_pending") == 3)
        }
    }
}
