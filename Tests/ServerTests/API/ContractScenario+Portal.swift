import Foundation
import HTTPTypes
import Mail
import Services
import Testing

/// The portal part of the walk: settings, texts, catalogue and forms administered, a customer's request from
/// submission to confirmation, a citizen's concern from the confirmation link to a reply, and a published solution.
extension ContractScenario {
    func portal(_ people: People) async throws {
        #expect(try await DemoCatalogue(context: system.services.context, masterData: MasterDataCache()).seedIfAbsent())
        var settings = try await api.call(.get, "/api/v1/portal/settings", token: admin).object
        settings["senderAddress"] = "service@stadt.example"
        #expect(try await api.call(.put, "/api/v1/portal/settings", token: admin, json: settings).status == .ok)
        #expect(try await api.call(.put, "/api/v1/portal/settings", token: admin, json: ["publicBaseUrl": "ftp://x"]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/portal/texts", token: admin).items.count == 12)
        let texts = try await api.call(.put, "/api/v1/portal/texts", token: admin, json: ["items": [
            ["kind": "solved", "language": "de", "subject": "Erledigt: {{ticket.number}}", "body": "Guten Tag {{requester.name}}, {{status}}."],
        ]])
        #expect(texts.items.filter { $0["isDefault"] as? Bool == false }.count == 1)
        #expect(try await api.call(.put, "/api/v1/portal/texts", token: admin, json: ["items": [
            ["kind": "solved", "language": "de", "subject": "{{unbekannt}}", "body": "x"],
        ]]).status == .unprocessableContent)

        let form = try await api.call(.post, "/api/v1/portal/forms", token: admin, json: [
            "name": "Lizenz beantragen", "queueId": 1, "titlePattern": "Lizenz: {{field.software}}",
            "pages": [["title": "Lizenz", "sections": [["heading": "Software", "text": "Nur **freigegebene** Software.",
                                                        "items": [["field": "software", "required": true, "help": "Name und Version"]]]]]],
        ])
        #expect(form.status == .created)
        let formID = try #require(form.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/portal/forms", token: admin).items.count == 7)
        let current = try await api.call(.get, "/api/v1/portal/forms/\(formID)", token: admin)
        var changed = current.object
        for key in ["id", "version", "createdAt", "changedAt"] { changed[key] = nil }
        changed["titlePattern"] = "Lizenzantrag: {{field.software}}"
        #expect(try await api.call(.put, "/api/v1/portal/forms/\(formID)", token: admin, json: changed,
                                   headers: [.ifMatch: "\"1\""]).object.int("version") == 2)
        #expect(try await api.call(.get, "/api/v1/portal/forms/\(formID)/versions/1", token: admin).object.string("titlePattern") == "Lizenz: {{field.software}}")
        #expect(try await api.call(.post, "/api/v1/portal/forms/preview", token: admin,
                                   json: ["form": changed, "answers": ["software": "GIMP 2.10"]]).object.string("title") == "Lizenzantrag: GIMP 2.10")

        let category = try await api.call(.post, "/api/v1/portal/categories", token: admin,
                                          json: ["titleDE": "Lizenzen", "titleEN": "Licences", "keywords": ["Lizenz"], "formId": formID])
        let categoryID = try #require(category.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/portal/categories/\(categoryID)", token: admin, json: ["icon": "key", "descriptionDE": NSNull()],
                                   headers: [.ifMatch: "\"1\""]).object.string("icon") == "key")
        #expect(try await api.call(.get, "/api/v1/portal/catalogue?q=lizenz", token: people.customerToken).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/portal/catalogue", token: nil).items.count == 3)
        #expect(try await api.call(.get, "/api/v1/portal/catalogue/\(categoryID)", token: people.customerToken).object["form"] != nil)

        let request = try await api.call(.post, "/api/v1/portal/catalogue/\(categoryID)/requests", token: people.customerToken,
                                         json: ["answers": ["software": "GIMP 2.10"]])
        #expect(request.status == .created)
        let ticketID = try #require(request.object.int("ticketId"))
        #expect(try await api.call(.get, "/api/v1/portal/requests?limit=10", token: people.customerToken).items.count >= 1)
        #expect(try await api.call(.get, "/api/v1/portal/requests/\(ticketID)", token: people.customerToken).object.string("statusText") == "Eingegangen")
        let answer = try await api.call(.post, "/api/v1/tickets/\(ticketID)/articles", token: admin,
                                        json: ["body": "Die Lizenz ist eingespielt.", "customerVisible": true, "channel": "web"])
        let answerID = try #require(answer.object.int("id"))
        _ = try await api.call(.patch, "/api/v1/tickets/\(ticketID)", token: admin, json: ["state": "gelöst"])
        #expect(try await api.call(.post, "/api/v1/portal/requests/\(ticketID)/reopen", token: people.customerToken,
                                   json: ["body": "Startet nicht."]).object.string("status") == "inProgress")
        _ = try await api.call(.patch, "/api/v1/tickets/\(ticketID)", token: admin, json: ["state": "gelöst"])
        #expect(try await api.call(.post, "/api/v1/portal/requests/\(ticketID)/confirm", token: people.customerToken).object.string("status") == "closed")
        #expect(try await api.call(.put, "/api/v1/tickets/\(ticketID)/articles/\(answerID)/solution", token: admin,
                                   json: ["published": true]).object["published"] as? Bool == true)
        #expect(try await api.call(.get, "/api/v1/portal/hints?q=Lizenz", token: nil).items.count == 1)
        let classes = try await api.call(.get, "/api/v1/cmdb/classes", token: admin)
        let computer = try #require(classes.items.first { $0.string("name") == "Computer" }?.int("id"))
        #expect(try await api.call(.get, "/api/v1/portal/config-items?classId=\(computer)", token: people.customerToken).status == .ok)

        let catalogue = try await api.call(.get, "/api/v1/portal/catalogue", token: nil)
        let damage = try #require(catalogue.items.first { $0.string("titleDE") == "Straßenschaden melden" }?.int("id"))
        let concern = try await api.call(.post, "/api/v1/portal/public/catalogue/\(damage)/concerns", token: nil, json: [
            "email": "max@example.org", "language": "en", "answers": ["strasse": "Markt 1", "schadensart": "Gehweg"], "website": "",
        ])
        #expect(concern.status == .accepted)
        let token = try await confirmationToken()
        let confirmed = try await api.call(.post, "/api/v1/portal/public/confirmations", token: nil, json: ["token": token])
        let statusToken = try #require(confirmed.object.string("statusToken"))
        #expect(try await api.call(.post, "/api/v1/portal/public/status", token: nil, json: ["token": statusToken]).object.string("statusText") == "Received")
        #expect(try await api.call(.post, "/api/v1/portal/public/status/replies", token: nil,
                                   json: ["token": statusToken, "body": "Es ist dringend."]).status == .created)
    }

    /// The token of the last confirmation link in the outbox.
    private func confirmationToken() async throws -> String {
        let content = try await system.database.read { db in
            try await db.raw("SELECT content FROM mail_outbox WHERE ticket_id IS NULL ORDER BY id DESC LIMIT 1").first()?.decode(column: "content", as: Data.self)
        }
        let text = MIMEParser.parse([UInt8](try #require(content))).textBody ?? ""
        let start = try #require(text.range(of: "token="))
        return String(text[start.upperBound...].prefix { !$0.isWhitespace })
    }
}
