import Foundation
import HTTPTypes
import Testing

/// The ticket part of the walk: create, list, change, articles and attachments, links, watchers, time, seen, merge, events.
extension ContractScenario {
    func tickets(queueID: Int64, people: People) async throws {
        let log = Data("2026-11-27 10:00 Lizenzserver nicht erreichbar\n".utf8).base64EncodedString()
        let created = try await api.call(.post, "/api/v1/tickets", token: admin, json: [
            "title": "Lizenz für Fachverfahren läuft ab", "queue": "Vertragswesen", "priority": "4 hoch", "type": "Störung", "service": "Drucken",
            "customer": people.contactEmail, "fields": ["vertragsnummer": "V-2026", "lizenzart": "Volumen", "kosten": 1250.5, "faellig": "2026-12-31"],
            "article": [
                "subject": "Lizenz", "body": "<p>Die Lizenz läuft <b>bald</b> ab.</p><script>x()</script>", "contentType": "text/html",
                "customerVisible": true, "channel": "email", "from": people.contactEmail, "messageId": "<lizenz-1@vertrag.example>",
                "attachments": [["filename": "lizenz.log", "contentType": "text/plain", "contentBase64": log]],
            ],
        ])
        #expect(created.status == .created)
        let id = try #require(created.object.int("id"))
        let second = try await api.call(.post, "/api/v1/tickets", token: admin, json: [
            "title": "Lizenz doppelt gemeldet", "queueId": queueID, "state": "offen", "contactId": people.contactID,
        ])
        let secondID = try #require(second.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/tickets", token: admin, json: ["title": " ", "queue": "Vertragswesen"]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/tickets", token: admin, json: ["title": "x", "queue": "Nirgendwo"]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/tickets", token: admin,
                                   json: ["title": "x", "queue": "Vertragswesen", "fields": ["kosten": "viel"]]).status == .unprocessableContent)

        try await listTickets(queueID: queueID)
        try await changeTicket(id, agentID: people.agentID)
        try await articlesAndAttachments(id)
        try await links(id, to: secondID)
        try await watchersTimeAndSeen(id, agentID: people.agentID)

        let merged = try await api.call(.post, "/api/v1/tickets/\(secondID)/merge", token: admin, json: ["targetId": id])
        #expect(merged.object.int("id") == id)
        #expect(try await api.call(.post, "/api/v1/tickets/\(secondID)/merge", token: admin, json: ["targetId": id]).status == .conflict)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/merge", token: admin, json: ["targetId": id]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/tickets/\(secondID)", token: admin, json: ["title": "Noch da?"]).status == .conflict)
        #expect(try await api.call(.get, "/api/v1/tickets/\(secondID)", token: admin).object.int("mergedIntoId") == id)

        let events = try await api.call(.get, "/api/v1/events?limit=5", token: admin)
        let cursor = try #require(events.object.string("next"))
        #expect(try await api.call(.get, "/api/v1/events?after=\(cursor)&limit=1000", token: admin).items.isEmpty == false)
        #expect(try await api.call(.get, "/api/v1/events?limit=5000", token: admin).status == .unprocessableContent)
    }

    private func listTickets(queueID: Int64) async throws {
        let first = try await api.call(.get, "/api/v1/tickets?limit=1&sort=-created", token: admin)
        let next = try #require(first.object.string("next"))
        #expect(try await api.call(.get, "/api/v1/tickets?limit=1&sort=-created&cursor=\(next)", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/tickets?q=Lizenz&sort=relevance", token: admin).items.count == 2)
        let filters = "queueId=\(queueID)&queueId=1&stateType=new&stateType=open&priorityId=3&priorityId=4"
        let filtered = try await api.call(.get, "/api/v1/tickets?\(filters)", token: admin)
        #expect(filtered.items.count == 2)
        #expect(try await api.call(.get, "/api/v1/tickets?field.lizenzart=Volumen", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/tickets?ownerId=987654", token: admin).items.isEmpty)
        for bad in ["sort=colour", "limit=0", "stateType=done", "queueId=x", "cursor=nonsense", "field.unbekannt=1"] {
            #expect(try await api.call(.get, "/api/v1/tickets?\(bad)", token: admin).status == .unprocessableContent, "\(bad)")
        }
    }

    private func changeTicket(_ id: Int64, agentID: Int64) async throws {
        let read = try await api.call(.get, "/api/v1/tickets/\(id)", token: admin)
        let etag = try #require(read.headers[.eTag])
        let pending = try await api.call(.patch, "/api/v1/tickets/\(id)", token: admin, json: [
            "state": "warten auf Rückmeldung", "pendingUntil": "2030-01-02T09:00:00+01:00", "ownerId": agentID, "responsibleId": agentID,
        ], headers: [.ifMatch: etag])
        #expect(pending.object.string("pendingUntil") == "2030-01-02T08:00:00.000Z")
        let stale = try await api.call(.patch, "/api/v1/tickets/\(id)", token: admin, json: ["title": "Alt"], headers: [.ifMatch: etag])
        #expect(stale.status == .preconditionFailed)
        let cleared = try await api.call(.patch, "/api/v1/tickets/\(id)", token: admin, json: [
            "state": "offen", "typeId": NSNull(), "service": NSNull(), "responsibleId": NSNull(), "fields": ["kosten": NSNull()],
        ], headers: [.ifMatch: "*"])
        #expect(cleared.object["type"] == nil && cleared.object["pendingUntil"] == nil)
        #expect(try await api.call(.patch, "/api/v1/tickets/\(id)", token: admin, json: ["state": "zusammengefasst"]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/tickets/987654", token: admin, json: ["title": "x"]).status == .notFound)
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/history", token: admin).items.count >= 5)
    }

    private func articlesAndAttachments(_ id: Int64) async throws {
        let picture = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).base64EncodedString()
        let note = try await api.call(.post, "/api/v1/tickets/\(id)/articles", token: admin, json: [
            "body": "Beim Hersteller nachgefragt.", "timeMinutes": 15,
            "attachments": [["filename": "bildschirm.png", "contentType": "image/png", "contentBase64": picture, "contentId": "bild1"]],
        ])
        #expect(note.object["customerVisible"] as? Bool == false)
        let reply = try await api.call(.post, "/api/v1/tickets/\(id)/articles", token: admin, json: [
            "subject": "Re: Lizenz", "body": "Wir kümmern uns.", "channel": "email", "customerVisible": true, "to": "petra.paragraf@vertrag.example",
            "cc": "vera@stadt.example", "inReplyTo": "<lizenz-1@vertrag.example>", "references": "<lizenz-1@vertrag.example>",
        ])
        #expect(reply.status == .created)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/articles", token: admin, json: ["body": "  "]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/tickets/987654/articles", token: admin, json: ["body": "x"]).status == .notFound)
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/articles", token: admin).items.count == 3)

        let attachments = try await api.call(.get, "/api/v1/tickets/\(id)/attachments", token: admin)
        #expect(attachments.items.count == 2)
        for attachment in attachments.items {
            let download = try await api.call(.get, "/api/v1/attachments/\(attachment.int("id") ?? 0)", token: admin)
            #expect(download.contentType == attachment.string("contentType"))
            #expect(download.raw.readableBytes == Int(attachment.int("size") ?? -1))
        }
        #expect(try await api.call(.get, "/api/v1/attachments/987654", token: admin).status == .notFound)
    }

    private func links(_ id: Int64, to otherID: Int64) async throws {
        let link = try await api.call(.post, "/api/v1/tickets/\(id)/links", token: admin, json: ["type": "duplicates", "targetId": otherID])
        let linkID = try #require(link.object.int("id"))
        let again = try await api.call(.post, "/api/v1/tickets/\(id)/links", token: admin, json: ["type": "duplicates", "targetId": otherID])
        #expect(again.object.int("id") == linkID)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/links", token: admin,
                                   json: ["type": "affects", "targetObject": "configItem", "targetId": 1]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/links", token: admin,
                                   json: ["type": "likes", "targetId": otherID]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/tickets/\(otherID)/links", token: admin).items.count == 1)
        let dependency = try await api.call(.post, "/api/v1/tickets/\(id)/links", token: admin,
                                            json: ["type": "dependsOn", "targetObject": "ticket", "targetId": otherID])
        #expect(dependency.status == .created)
        #expect(try await api.call(.delete, "/api/v1/tickets/\(id)/links/\(linkID)", token: admin).status == .noContent)
        #expect(try await api.call(.delete, "/api/v1/tickets/\(id)/links/\(linkID)", token: admin).status == .notFound)
    }

    private func watchersTimeAndSeen(_ id: Int64, agentID: Int64) async throws {
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/watchers", token: admin, json: [:]).status == .ok)
        let watchers = try await api.call(.post, "/api/v1/tickets/\(id)/watchers", token: admin, json: ["userId": agentID])
        #expect((watchers["items"] as? [Int])?.count == 2)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/watchers", token: admin, json: ["userId": 987654]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/watchers", token: admin).status == .ok)
        let remaining = try await api.call(.delete, "/api/v1/tickets/\(id)/watchers/\(agentID)", token: admin)
        #expect((remaining["items"] as? [Int])?.count == 1)

        let booked = try await api.call(.post, "/api/v1/tickets/\(id)/time-entries", token: admin,
                                        json: ["minutes": 45, "note": "Telefonat mit dem Hersteller"])
        #expect(booked.object.int("minutes") == 45)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/time-entries", token: admin, json: ["minutes": 0]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/time-entries", token: admin).items.count == 2)

        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/seen", token: admin).object.isEmpty)
        #expect(try await api.call(.post, "/api/v1/tickets/\(id)/seen", token: admin).status == .noContent)
        #expect(try await api.call(.get, "/api/v1/tickets/\(id)/seen", token: admin).object.string("seenAt") != nil)
    }
}
