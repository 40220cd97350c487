import Foundation
import HTTPTypes
import Testing

@Suite("Ticket lifecycle through the REST API")
struct TicketLifecycleTests {
    @Test("create with article, read, change with If-Match, history, events", arguments: TestBackend.available)
    func createReadUpdate(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Drucker im 3. OG druckt nicht", "queue": "Servicedesk", "customer": "Erika.Muster@Stadt.Example",
                "article": ["subject": "Drucker", "body": "Seit heute früh Papierstau im Fach 2."],
            ])
            #expect(created.status == .created)
            let id = try #require(created.object.int("id"))
            let number = try #require(created.object.string("number"))
            #expect(number.count == 16 && number.allSatisfy(\.isNumber))
            #expect(created.object.string("state") == "neu")
            #expect(created.object.string("priority") == "3 normal")
            #expect(created.headers[.eTag] == "\"1\"")

            let contacts = try await client.call(.get, "/api/v1/contacts?prefix=erika", token: token)
            #expect(contacts.items.first?["emails"] as? [String] == ["erika.muster@stadt.example"])

            let fetched = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(fetched.object.string("title") == "Drucker im 3. OG druckt nicht")

            let changed = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token,
                                                json: ["state": "offen", "priority": "4 hoch"], headers: [.ifMatch: "\"1\""])
            #expect(changed.status == .ok)
            #expect(changed.object.string("state") == "offen")
            #expect(changed.headers[.eTag] == "\"2\"")

            let stale = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["title": "Anders"], headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.isProblem)
            let unchanged = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            #expect(unchanged.object.string("title") == "Drucker im 3. OG druckt nicht")

            let history = try await client.call(.get, "/api/v1/tickets/\(id)/history", token: token)
            let entries = history.items.map { ($0.string("field") ?? "", $0.string("oldValue"), $0.string("newValue")) }
            #expect(entries.contains { $0 == ("state", "neu", "offen") })
            #expect(entries.contains { $0 == ("priority", "3 normal", "4 hoch") })
            #expect(entries.first?.0 == "created")

            let events = try await client.call(.get, "/api/v1/events?after=0", token: token)
            let types = events.items.compactMap { $0.string("type") }
            #expect(types.contains("ticket.created") && types.contains("article.created") && types.contains("ticket.updated"))
            let createdPayload = try #require(events.items.first { $0.string("type") == "ticket.created" }?.string("payload"))
            let payload = try JSONSerialization.jsonObject(with: Data(createdPayload.utf8)) as? [String: String]
            #expect(payload?["number"] == number)
            #expect(entries.prefix(2).map(\.0) == ["created", "article"])
            let cursor = try #require(events.object.string("next"))
            let after = try await client.call(.get, "/api/v1/events?after=\(cursor)", token: token)
            #expect(after.items.isEmpty)
        }
    }

    @Test("pending states need a time; closing clears it", arguments: TestBackend.available)
    func pendingState(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: ["title": "VPN", "queue": "Netzwerk"])
            let id = try #require(created.object.int("id"))
            let missing = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["state": "warten auf Rückmeldung"])
            #expect(missing.status == .unprocessableContent)
            let pending = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token,
                                                json: ["state": "waiting for customer", "pendingUntil": "2026-12-01T09:00:00Z"])
            #expect(pending.status == .ok)
            #expect(pending.object.string("pendingUntil") == "2026-12-01T09:00:00.000Z")
            let closed = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["state": "geschlossen (erfolgreich)"])
            #expect(closed.object.string("stateType") == "closed")
            #expect(closed.object["pendingUntil"] == nil)
        }
    }

    @Test("articles: HTML sanitised, internal notes, attachments deduplicated and downloadable", arguments: TestBackend.available)
    func articlesAndAttachments(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let pdf = Data("%PDF-1.4 Rechnung".utf8).base64EncodedString()
            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: [
                "title": "Rechnung", "queue": "Servicedesk",
                "article": ["body": "<p>Hallo <b>Team</b><script>alert(1)</script></p>", "contentType": "text/html",
                            "attachments": [["filename": "rechnung.pdf", "contentType": "application/pdf", "contentBase64": pdf]]],
            ])
            let id = try #require(created.object.int("id"))
            let note = try await client.call(.post, "/api/v1/tickets/\(id)/articles", token: token, json: [
                "body": "Intern: Lieferant anrufen", "channel": "note",
                "attachments": [["filename": "../../etc/kopie.pdf", "contentBase64": pdf]],
            ])
            #expect(note.status == .created)
            #expect(note.object["customerVisible"] as? Bool == false)

            let articles = try await client.call(.get, "/api/v1/tickets/\(id)/articles", token: token)
            #expect(articles.items.count == 2)
            let html = try #require(articles.items.first?.string("bodyHTML"))
            #expect(html.contains("<b>Team</b>") && !html.contains("script"))
            #expect(articles.items.first?.string("bodyText")?.contains("Hallo Team") == true)

            let attachments = try await client.call(.get, "/api/v1/tickets/\(id)/attachments", token: token)
            #expect(attachments.items.map { $0.string("filename") } == ["rechnung.pdf", "kopie.pdf"])
            #expect(try await system.count("blobs") == 1)
            let attachmentID = try #require(attachments.items.first?.int("id"))
            let download = try await client.call(.get, "/api/v1/attachments/\(attachmentID)", token: token)
            #expect(download.status == .ok)
            #expect(String(buffer: download.raw) == "%PDF-1.4 Rechnung")
            #expect(download.headers[.contentType] == "application/pdf")
        }
    }

    @Test("merge moves articles and redirects; links, watchers, time, seen", arguments: TestBackend.available)
    func mergeAndRelations(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            func create(_ title: String) async throws -> Int64 {
                try #require(try await client.call(.post, "/api/v1/tickets", token: token, json: [
                    "title": title, "queue": "Arbeitsplatz", "article": ["body": "Text zu \(title)"],
                ]).object.int("id"))
            }
            let first = try await create("Monitor flackert")
            let second = try await create("Monitor flackert (Duplikat)")
            let third = try await create("Arbeitsplatz Umzug")

            let link = try await client.call(.post, "/api/v1/tickets/\(first)/links", token: token, json: ["type": "relates", "targetId": third])
            #expect(link.status == .created)
            let links = try await client.call(.get, "/api/v1/tickets/\(third)/links", token: token)
            #expect(links.items.count == 1)
            let selfLink = try await client.call(.post, "/api/v1/tickets/\(first)/links", token: token, json: ["type": "relates", "targetId": first])
            #expect(selfLink.status == .unprocessableContent)

            let merged = try await client.call(.post, "/api/v1/tickets/\(second)/merge", token: token, json: ["targetId": first])
            #expect(merged.status == .ok)
            let articles = try await client.call(.get, "/api/v1/tickets/\(first)/articles", token: token)
            #expect(articles.items.count == 2)
            let old = try await client.call(.get, "/api/v1/tickets/\(second)", token: token)
            #expect(old.object.string("stateType") == "merged")
            #expect(old.object.int("mergedIntoId") == first)
            let redirected = try await client.call(.post, "/api/v1/tickets/\(second)/articles", token: token, json: ["body": "Nachtrag"])
            #expect(redirected.object.int("ticketId") == first)
            let search = try await client.call(.get, "/api/v1/tickets?q=duplikat", token: token)
            #expect(search.items.map { $0.int("id") }.contains(first))

            let watch = try await client.call(.post, "/api/v1/tickets/\(first)/watchers", token: token, json: [:] as [String: Any])
            #expect((watch["items"] as? [NSNumber])?.count == 1)
            let time = try await client.call(.post, "/api/v1/tickets/\(first)/time-entries", token: token, json: ["minutes": 15, "note": "Telefonat"])
            #expect(time.status == .created)
            let badTime = try await client.call(.post, "/api/v1/tickets/\(first)/time-entries", token: token, json: ["minutes": -5])
            #expect(badTime.status == .unprocessableContent)
            let unseen = try await client.call(.get, "/api/v1/tickets/\(first)/seen", token: token)
            #expect(unseen["seenAt"] == nil)
            _ = try await client.call(.post, "/api/v1/tickets/\(first)/seen", token: token)
            let seen = try await client.call(.get, "/api/v1/tickets/\(first)/seen", token: token)
            #expect(seen["seenAt"] is String)
        }
    }
}
