import Foundation
import HTTPTypes
import Testing

@Suite("Full-text search and the query language")
struct SearchTests {
    @Test("words, prefixes, phrases, negation, filters and ranking", arguments: TestBackend.available)
    func queryLanguage(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            func create(_ title: String, queue: String, body: String, customer: String? = nil) async throws -> Int64 {
                var json: [String: Any] = ["title": title, "queue": queue, "article": ["subject": title, "body": body]]
                if let customer { json["customer"] = customer }
                return try #require(try await client.call(.post, "/api/v1/tickets", token: token, json: json).object.int("id"))
            }
            let printer = try await create("Drucker defekt", queue: "Arbeitsplatz", body: "Der Laserdrucker im Bürgerbüro meldet Papierstau.",
                                           customer: "anna.schmidt@stadt.example")
            let vpn = try await create("VPN bricht ab", queue: "Netzwerk", body: "Die VPN-Verbindung im Homeoffice bricht ständig ab.")
            let both = try await create("Papierstau und VPN", queue: "Netzwerk", body: "Nach dem Papierstau geht auch VPN nicht.")

            func ids(_ query: String) async throws -> [Int64] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let response = try await client.call(.get, "/api/v1/tickets?q=\(encoded)", token: token)
                #expect(response.status == .ok, "query \(query)")
                return response.items.compactMap { $0.int("id") }
            }
            #expect(Set(try await ids("papierstau")) == [printer, both])
            #expect(try await ids("papierstau -vpn") == [printer])
            #expect(Set(try await ids("laser*")) == [printer])
            #expect(try await ids("\"verbindung im homeoffice\"") == [vpn])
            #expect(Set(try await ids("vpn queue:Netzwerk")) == [vpn, both])
            #expect(try await ids("queue:Arbeitsplatz") == [printer])
            #expect(try await ids("bürgerbüro") == [printer])
            #expect(try await ids("customer:anna.schmidt@stadt.example") == [printer])
            #expect(try await ids("papierstau state:offen").isEmpty)
            let number = try #require(try await client.call(.get, "/api/v1/tickets/\(vpn)", token: token).object.string("number"))
            #expect(try await ids(number) == [vpn])
            #expect(try await ids("'; DROP TABLE tickets;--").isEmpty)
            #expect(try await system.count("tickets") == 3)

            _ = try await client.call(.patch, "/api/v1/tickets/\(vpn)", token: token, json: ["ownerId": 1])
            #expect(try await ids("owner:me") == [vpn])

            _ = try await client.call(.post, "/api/v1/tickets/\(vpn)/articles", token: token, json: [
                "body": "Formular anbei", "from": "m.krause@bauamt.stadt.example",
                "attachments": [["filename": "Bauantrag-2026_Entwurf.pdf", "contentBase64": Data("x".utf8).base64EncodedString()]],
            ])
            #expect(try await ids("bauantrag") == [vpn])
            #expect(try await ids("entwurf") == [vpn])
            #expect(try await ids("krause bauamt") == [vpn])
        }
    }

    @Test("pages through a sorted list with cursors, without gaps or repeats", arguments: TestBackend.available)
    func cursorPaging(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            for index in 0..<23 {
                _ = try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: ["title": "Ticket \(index % 5)", "queue": "Servicedesk"])
            }
            for sort in ["id", "-created", "title", "-priority"] {
                var seen: [Int64] = []
                var cursor: String?
                repeat {
                    let uri = "/api/v1/tickets?limit=5&sort=\(sort)" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let page = try await client.call(.get, uri, token: system.adminToken)
                    seen += page.items.compactMap { $0.int("id") }
                    cursor = page.object.string("next")
                } while cursor != nil
                #expect(seen.count == 23, "sort \(sort)")
                #expect(Set(seen).count == 23, "sort \(sort)")
            }
        }
    }
}
