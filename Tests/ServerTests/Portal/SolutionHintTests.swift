import Foundation
import HummingbirdTesting
import Testing

/// Knowledge hints from published solutions.
@Suite("Solution hints")
struct SolutionHintTests {
    @Test("only published public answers of solved tickets are offered, ranked, to anyone", arguments: TestBackend.available)
    func hints(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            func ticket(_ title: String, answer: String, note text: String) async throws -> (id: Int64, answer: Int64, note: Int64) {
                let created = try await client.call(.post, "/api/v1/tickets", token: world.admin, json: ["title": title, "queue": "Servicedesk"])
                let id = try #require(created.object.int("id"))
                let reply = try await client.call(.post, "/api/v1/tickets/\(id)/articles", token: world.admin,
                                                   json: ["body": answer, "customerVisible": true, "channel": "web"])
                let note = try await client.call(.post, "/api/v1/tickets/\(id)/articles", token: world.admin, json: ["body": text, "customerVisible": false])
                return (id, try #require(reply.object.int("id")), try #require(note.object.int("id")))
            }
            let paper = try await ticket("Papierstau im Drucker", answer: "Klappe hinten öffnen und das Papier vorsichtig ziehen.",
                                         note: "Geheim: Kennwort des Druckers ist 1234")
            let vpn = try await ticket("VPN bricht ab", answer: "Bitte den VPN-Client neu starten.", note: "intern")
            for (ticketID, articleID) in [(paper.id, paper.answer), (vpn.id, vpn.answer)] {
                let published = try await client.call(.put, "/api/v1/tickets/\(ticketID)/articles/\(articleID)/solution", token: world.admin,
                                                      json: ["published": true])
                #expect(published.object["published"] as? Bool == true)
            }
            #expect(try await client.call(.put, "/api/v1/tickets/\(paper.id)/articles/\(paper.note)/solution", token: world.admin,
                                          json: ["published": true]).status == .unprocessableContent)
            #expect(try await client.call(.put, "/api/v1/tickets/\(paper.id)/articles/\(paper.answer)/solution", token: world.erika,
                                          json: ["published": true]).status == .forbidden)
            // Not solved yet: nothing is offered.
            #expect(try await client.call(.get, "/api/v1/portal/hints?q=drucker", token: nil).items.isEmpty)
            try await world.setState(paper.id, "gelöst")
            try await world.setState(vpn.id, "gelöst")
            let hints = try await client.call(.get, "/api/v1/portal/hints?q=Drucker%20Papi", token: world.erika)
            #expect(hints.items.compactMap { $0.string("title") } == ["Papierstau im Drucker"])
            #expect(hints.items.first?.string("text")?.contains("Klappe") == true)
            #expect(try await client.call(.get, "/api/v1/portal/hints?q=kennwort", token: nil).items.isEmpty)
            #expect(try await client.call(.get, "/api/v1/portal/hints?q=vpn", token: nil).items.compactMap { $0.string("title") } == ["VPN bricht ab"])
            _ = try await client.call(.put, "/api/v1/tickets/\(vpn.id)/articles/\(vpn.answer)/solution", token: world.admin, json: ["published": false])
            #expect(try await client.call(.get, "/api/v1/portal/hints?q=vpn", token: nil).items.isEmpty)
            #expect(try await client.call(.get, "/api/v1/portal/hints?q=x&limit=500", token: nil).status == .unprocessableContent)
        }
    }
}
