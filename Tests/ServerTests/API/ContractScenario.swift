import Foundation
import HTTPTypes
import Services
import Testing

/// A walk through the whole REST API as a help desk would use it, wrong turns included. Every response is
/// checked against the OpenAPI document by `ContractClient`; the steps only make sure the walk goes where it should.
struct ContractScenario {
    let system: TestSystem
    let api: ContractClient

    var admin: String { system.adminToken }

    /// What the steps create and later steps use.
    struct People {
        var organisationID: Int64
        var contactID: Int64
        var contactEmail: String
        var agentID: Int64
        var agentToken: String
        var customerToken: String
    }

    func run() async throws {
        try await systemEndpoints()
        try await authentication()
        let queueID = try await masterData()
        let people = try await peopleAndRoles(queueID: queueID)
        try await queueMailTexts(queueID: queueID, people: people)
        try await fieldDefinitions()
        try await tickets(queueID: queueID, people: people)
        try await otherCallers(people)
        try await refusedRequests()
        try await secondFactor(people)
        try await passwords(people)
        try await inboundMail(people)
        try await cmdb(people: people)
        try await outgoingMail(queueID: queueID, people: people)
        try await serviceLevels(queueID: queueID, people: people)
        try await mailAccounts(people)
        try await mailFilters(people)
        try await ticketViewsAndBulk(queueID: queueID, people: people)
        try await textTemplates(queueID: queueID, people: people)
        try await portal(people)
        try await administration(queueID: queueID)
    }

    /// A mail filed as a new ticket, and the same endpoint refused to an agent.
    private func inboundMail(_ people: People) async throws {
        let raw = Array("From: Erika Muster <erika@stadt.example>\r\nTo: servicedesk@stadt.example\r\nSubject: Bildschirm flackert\r\nMessage-ID: <contract-1@stadt.example>\r\n\r\nSeit heute.\r\n".utf8)
        #expect(try await api.call(.post, "/api/v1/mail/inbound", token: admin, raw: raw, headers: [.contentType: "message/rfc822"]).status == .created)
        #expect(try await api.call(.post, "/api/v1/mail/inbound", token: people.agentToken, raw: raw, headers: [.contentType: "message/rfc822"]).status == .forbidden)
    }

    private func systemEndpoints() async throws {
        for path in ["/healthz", "/readyz", "/metrics", "/api/v1/openapi.json"] {
            let response = try await api.call(.get, path, token: nil)
            #expect(response.status == .ok, "\(path)")
        }
    }

    private func authentication() async throws {
        #expect(try await api.call(.get, "/api/v1/me", token: admin).object.string("login") == "admin")
        let created = try await api.call(.post, "/api/v1/tokens", token: admin, json: ["name": "Monitoring"])
        let tokenID = try #require((created["info"] as? [String: Any])?.int("id"))
        #expect(try await api.call(.get, "/api/v1/tokens", token: admin).items.count == 2)
        #expect(try await api.call(.delete, "/api/v1/tokens/\(tokenID)", token: admin).status == .noContent)
        #expect(try await api.call(.delete, "/api/v1/tokens/\(tokenID)", token: admin).status == .notFound)
        #expect(try await api.call(.post, "/api/v1/tokens", token: admin, json: ["name": ""]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/tokens", token: admin, json: ["name": "x", "login": "niemand"]).status == .notFound)

        #expect(try await api.call(.get, "/api/v1/me", token: nil).status == .unauthorized)
        #expect(try await api.call(.get, "/api/v1/me", token: "tw_not-a-token").status == .unauthorized)
        let wrong = try await api.call(.post, "/api/v1/sessions", token: nil, json: ["login": "admin", "password": "falsch-falsch"])
        #expect(wrong.status == .unauthorized)
        let session = try await api.call(.post, "/api/v1/sessions", token: nil, json: ["login": "admin", "password": "admin-password"])
        #expect(session.status == .created)
        let cookie = String(try #require(session.headers[.setCookie]).prefix { $0 != ";" })
        let csrf = try #require(session.object.string("csrfToken"))
        #expect(try await api.call(.get, "/api/v1/me", token: nil, headers: [.cookie: cookie]).status == .ok)
        #expect(try await api.call(.delete, "/api/v1/sessions/current", token: nil, headers: [.cookie: cookie]).status == .forbidden)
        let signOut = try await api.call(
            .delete, "/api/v1/sessions/current", token: nil, headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf]
        )
        #expect(signOut.status == .noContent)
        #expect(try await api.call(.get, "/api/v1/me", token: nil, headers: [.cookie: cookie]).status == .unauthorized)

        var statuses: [HTTPResponse.Status] = []
        for _ in 0..<6 {
            statuses.append(try await api.call(.post, "/api/v1/sessions", token: nil, json: ["login": "erika", "password": "geraten-123"]).status)
        }
        #expect(statuses == Array(repeating: .unauthorized, count: 5) + [.tooManyRequests])
    }

    /// Returns the id of a new queue the rest of the walk works in.
    private func masterData() async throws -> Int64 {
        for path in ["queues", "states", "priorities", "types", "services", "calendars", "slas"] {
            let items = try await api.call(.get, "/api/v1/\(path)", token: admin).items
            #expect(items.count >= (["calendars", "slas"].contains(path) ? 2 : 5), "\(path)")
            let first = try #require(items.first?.int("id"))
            #expect(try await api.call(.get, "/api/v1/\(path)/\(first)", token: admin).headers[.eTag] != nil, "\(path)")
        }
        let queue = try await api.call(.post, "/api/v1/queues", token: admin,
                                       json: ["name": "Vertragswesen", "parentId": 1, "followUpPolicy": "newTicket"])
        let queueID = try #require(queue.object.int("id"))
        let changed = try await api.call(.patch, "/api/v1/queues/\(queueID)", token: admin,
                                         json: ["comment": "Verträge und Lizenzen", "systemAddress": "vertrag@stadt.example", "parentId": NSNull()])
        #expect(changed.object["parentId"] == nil && changed.object.string("comment") == "Verträge und Lizenzen")
        #expect(try await api.call(.post, "/api/v1/queues", token: admin, json: ["name": "servicedesk"]).status == .conflict)
        #expect(try await api.call(.patch, "/api/v1/queues/987654", token: admin, json: ["comment": "x"]).status == .notFound)
        #expect(try await api.call(.patch, "/api/v1/queues/\(queueID)", token: admin,
                                   json: ["systemAddress": "kein Mail"]).status == .unprocessableContent)

        let state = try await api.call(.post, "/api/v1/states", token: admin, json: [
            "name": "wartet auf Lieferung", "nameEN": "awaiting delivery", "type": "pendingReminder", "suspendsSLA": true,
        ])
        #expect(state.status == .created)
        #expect(try await api.call(.post, "/api/v1/priorities", token: admin, json: ["name": "6 kritisch", "rank": 0]).status == .unprocessableContent)
        let priority = try await api.call(.post, "/api/v1/priorities", token: admin, json: ["name": "6 kritisch", "nameEN": "6 critical", "rank": 6])
        let priorityID = try #require(priority.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/priorities/\(priorityID)", token: admin, json: ["rank": 7]).object.int("rank") == 7)
        let type = try await api.call(.post, "/api/v1/types", token: admin, json: ["name": "Beschaffung"])
        let typeID = try #require(type.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/types/\(typeID)", token: admin, json: ["nameEN": "Procurement"]).status == .ok)
        let service = try await api.call(.post, "/api/v1/services", token: admin, json: ["name": "Lizenzen", "parentId": 1, "comment": "Software"])
        let serviceID = try #require(service.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/services/\(serviceID)", token: admin, json: ["isActive": false]).object["isActive"] as? Bool == false)
        let stateID = try #require(state.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/states/\(stateID)", token: admin, json: ["nameEN": NSNull()]).object["nameEN"] == nil)
        #expect(try await api.call(.patch, "/api/v1/states/\(stateID)", token: admin, json: ["type": "finished"]).status == .unprocessableContent)
        return queueID
    }

    private func peopleAndRoles(queueID: Int64) async throws -> People {
        let organisation = try await api.call(.post, "/api/v1/organisations", token: admin,
                                              json: ["name": "Amt für Verträge", "mailDomains": ["vertrag.example"]])
        let organisationID = try #require(organisation.object.int("id"))
        let office = try await api.call(.post, "/api/v1/organisations", token: admin,
                                        json: ["name": "Sachgebiet Lizenzen", "parentId": organisationID, "mailDomains": ["*.lizenz.example"]])
        let officeID = try #require(office.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/organisations/\(officeID)", token: admin).object.int("parentId") == organisationID)
        let renamed = try await api.call(.put, "/api/v1/organisations/\(officeID)", token: admin, json: ["name": "SG Lizenzen", "isActive": false])
        #expect(renamed.object["parentId"] == nil)
        let page = try await api.call(.get, "/api/v1/organisations?limit=1", token: admin)
        let next = try #require(page.object.string("next"))
        #expect(try await api.call(.get, "/api/v1/organisations?after=\(next)&limit=1000", token: admin).items.count == 1)
        #expect(try await api.call(.post, "/api/v1/organisations", token: admin, json: ["name": "SG Lizenzen"]).status == .conflict)
        #expect(try await api.call(.put, "/api/v1/organisations/987654", token: admin, json: ["name": "Niemand"]).status == .notFound)

        let email = "petra.paragraf@vertrag.example"
        let contact = try await api.call(.post, "/api/v1/contacts", token: admin, json: [
            "firstName": "Petra", "lastName": "Paragraf", "emails": [email], "phones": ["+49 341 123-4567"], "organisationId": organisationID,
        ])
        let contactID = try #require(contact.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/contacts/\(contactID)", token: admin).object.string("lastName") == "Paragraf")
        let replaced = try await api.call(.put, "/api/v1/contacts/\(contactID)", token: admin,
                                          json: ["firstName": "Petra", "lastName": "Paragraf-Klein", "emails": [email], "organisationId": organisationID])
        #expect(replaced.object["phones"] as? [String] == [])
        #expect(try await api.call(.get, "/api/v1/contacts?prefix=petra", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/contacts?organisationId=\(organisationID)&limit=10", token: admin).items.count == 1)
        #expect(try await api.call(.post, "/api/v1/contacts", token: admin, json: ["lastName": "Doppelt", "emails": [email]]).status == .conflict)
        #expect(try await api.call(.post, "/api/v1/contacts", token: admin, json: ["lastName": " "]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/contacts/987654", token: admin).status == .notFound)

        let role = try await api.call(.post, "/api/v1/roles", token: admin, json: [
            "name": "Vertragsteam", "comment": "Lesen, anlegen, notieren", "queues": [String(queueID): ["read", "create", "note", "reply"]],
        ])
        let roleID = try #require(role.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/roles", token: admin).items.count == 3, "the two seeded roles and the new one")
        #expect(try await api.call(.post, "/api/v1/roles", token: admin, json: ["name": "vertragsteam", "queues": [:]]).status == .conflict)
        #expect(try await api.call(.post, "/api/v1/roles", token: admin,
                                   json: ["name": "Falsch", "queues": ["1": ["fly"]]]).status == .unprocessableContent)

        let agent = try await api.call(.post, "/api/v1/users", token: admin, json: [
            "login": "vera.vertrag", "password": "vertrag-passwort", "email": "Vera@Stadt.Example", "firstName": "Vera", "lastName": "Vertrag",
            "locale": "en", "roleIds": [roleID],
        ])
        let agentID = try #require(agent.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/users", token: admin, json: ["login": "VERA.vertrag"]).status == .conflict)
        let customer = try await api.call(.post, "/api/v1/users", token: admin, json: [
            "login": "petra", "password": "petra-passwort", "isCustomer": true, "contactId": contactID, "seesOrganisationTickets": true,
        ])
        #expect(customer.object.int("contactId") == contactID)
        let users = try await api.call(.get, "/api/v1/users?limit=2", token: admin)
        #expect(users.items.count == 2 && users.object.string("next") != nil)
        #expect(try await api.call(.get, "/api/v1/users/\(agentID)", token: admin).object.string("email") == "vera@stadt.example")
        #expect(try await api.call(.get, "/api/v1/users/987654", token: admin).status == .notFound)

        let agentToken = try await api.call(.post, "/api/v1/tokens", token: admin, json: ["name": "Vera", "login": "vera.vertrag"])
        let customerToken = try await api.call(.post, "/api/v1/tokens", token: admin, json: ["name": "Petra", "login": "petra"])
        return People(
            organisationID: organisationID, contactID: contactID, contactEmail: email, agentID: agentID,
            agentToken: try #require(agentToken.object.string("token")), customerToken: try #require(customerToken.object.string("token"))
        )
    }

    private func fieldDefinitions() async throws {
        let definitions: [[String: Any]] = [
            ["name": "vertragsnummer", "label": "Vertragsnummer", "object": "ticket", "type": "text", "required": false, "options": [],
             "customerVisible": true, "regex": "V-[0-9]{4}"],
            ["name": "lizenzart", "label": "Lizenzart", "object": "ticket", "type": "select", "required": false,
             "options": ["Einzelplatz", "Volumen"], "customerVisible": false],
            ["name": "kosten", "label": "Kosten", "object": "ticket", "type": "number", "required": false, "options": [],
             "customerVisible": false, "minimum": 0, "maximum": 100_000],
            ["name": "faellig", "label": "Fällig am", "object": "ticket", "type": "date", "required": false, "options": [], "customerVisible": false],
            ["name": "ansprechpartner", "label": "Ansprechpartner", "object": "contact", "type": "text", "required": false, "options": [],
             "customerVisible": false],
        ]
        for definition in definitions {
            #expect(try await api.call(.post, "/api/v1/fields", token: admin, json: definition).status == .created)
        }
        #expect(try await api.call(.post, "/api/v1/fields", token: admin, json: definitions[0]).status == .conflict)
        #expect(try await api.call(.post, "/api/v1/fields", token: admin, json: ["name": "x", "label": "X"]).status == .unprocessableContent)
        let invalid: [String: Any] = [
            "name": "Bad Name", "label": "", "object": "ticket", "type": "select", "required": false, "options": [], "customerVisible": false,
        ]
        #expect(try await api.call(.post, "/api/v1/fields", token: admin, json: invalid).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/fields?object=ticket", token: admin).items.count == 4)
        #expect(try await api.call(.get, "/api/v1/fields", token: admin).items.count == 5)
        #expect(try await api.call(.get, "/api/v1/fields?object=car", token: admin).status == .unprocessableContent)
        let relabelled = try await api.call(.patch, "/api/v1/fields/lizenzart", token: admin,
                                            json: ["label": "Art der Lizenz", "options": ["Einzelplatz", "Volumen", "Miete"]])
        #expect(relabelled.object["options"] as? [String] == ["Einzelplatz", "Volumen", "Miete"])
        let read = try await api.call(.get, "/api/v1/fields/lizenzart", token: admin)
        #expect(read.object.string("label") == "Art der Lizenz")
        #expect(read.headers[.eTag] == relabelled.headers[.eTag] && read.headers[.eTag] == "\"2\"")
        #expect(try await api.call(.get, "/api/v1/fields/unbekannt", token: admin).status == .notFound)
        #expect(try await api.call(.patch, "/api/v1/fields/kosten", token: admin, json: ["minimum": 10, "maximum": 1]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/fields/unbekannt", token: admin, json: ["label": "x"]).status == .notFound)
    }

    /// An agent with rights in one queue, and a customer, see and may do less.
    private func otherCallers(_ people: People) async throws {
        let agent = people.agentToken
        let visible = try await api.call(.get, "/api/v1/tickets?stateType=open&stateType=new&stateType=merged", token: agent)
        #expect(visible.items.count == 2 && visible.items.allSatisfy { $0.string("queue") == "Vertragswesen" })
        #expect(try await api.call(.post, "/api/v1/queues", token: agent, json: ["name": "Eigenes"]).status == .forbidden)
        #expect(try await api.call(.post, "/api/v1/tickets", token: agent, json: ["title": "Falsche Queue", "queue": "Spam"]).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/tickets/1", token: agent).object.string("queue") == "Vertragswesen")

        let customer = people.customerToken
        let own = try await api.call(.post, "/api/v1/tickets", token: customer, json: [
            "title": "Brauche eine Lizenz", "queue": "Vertragswesen", "article": ["body": "Für Visio, bitte."],
        ])
        let ownID = try #require(own.object.int("id"))
        let theirs = try await api.call(.get, "/api/v1/tickets", token: customer)
        #expect(theirs.items.contains { $0.int("id") == ownID } && theirs.items.allSatisfy { $0.int("contactId") == people.contactID })
        #expect(try await api.call(.get, "/api/v1/tickets/\(ownID)/articles", token: customer).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/tickets/\(ownID)/history", token: customer).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/fields", token: customer).status == .ok)
        #expect(try await api.call(.get, "/api/v1/events", token: customer).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/users", token: customer).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/organisations/\(people.organisationID)", token: customer).status == .ok)
        #expect(try await api.call(.get, "/api/v1/contacts/\(people.contactID)", token: customer).status == .ok)
        #expect(try await api.call(.post, "/api/v1/tickets/\(ownID)/articles", token: customer,
                                   json: ["body": "Intern?", "customerVisible": false]).status == .unprocessableContent)
    }

    /// Bodies that are not JSON, do not fit, or are far too large.
    private func refusedRequests() async throws {
        #expect(try await api.call(.post, "/api/v1/tickets", token: admin, raw: Array("{\"title\": ".utf8)).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/tickets", token: admin, json: ["title": 5, "queue": "Servicedesk"]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/organisations", token: admin, json: [["name": "Liste"]]).status == .unprocessableContent)
        let huge = Array(repeating: UInt8(ascii: " "), count: 33 * 1024 * 1024)
        #expect(try await api.call(.post, "/api/v1/tickets", token: admin, raw: huge).status == .contentTooLarge)
        #expect(try await api.call(.get, "/api/v1/tickets/abc", token: admin).status == .notFound)
    }

    /// The agent turns the second factor on, signs in with it, and turns it off again.
    private func secondFactor(_ people: People) async throws {
        let agent = people.agentToken
        #expect(try await api.call(.post, "/api/v1/me/totp/confirm", token: agent, json: ["code": "123456"]).status == .conflict)
        let enrolment = try await api.call(.post, "/api/v1/me/totp", token: agent)
        let secret = try #require(enrolment.object.string("secret"))
        #expect(try await api.call(.post, "/api/v1/me/totp/confirm", token: agent, json: ["code": "abcdef"]).status == .unprocessableContent)
        let code = try #require(TOTP.code(secret: secret, at: Date()))
        #expect(try await api.call(.post, "/api/v1/me/totp/confirm", token: agent, json: ["code": code]).status == .noContent)
        #expect(try await api.call(.get, "/api/v1/me", token: agent).object["totpEnabled"] as? Bool == true)
        let withoutCode = ["login": "vera.vertrag", "password": "vertrag-passwort"]
        #expect(try await api.call(.post, "/api/v1/sessions", token: nil, json: withoutCode).status == .unauthorized)
        let signedIn = try await api.call(.post, "/api/v1/sessions", token: nil, json: withoutCode.merging(["totp": code]) { $1 })
        #expect(signedIn.status == .created)
        #expect(try await api.call(.post, "/api/v1/me/totp/disable", token: agent, json: ["code": code]).status == .noContent)
        #expect(try await api.call(.post, "/api/v1/me/totp/disable", token: agent, json: ["code": code]).status == .conflict)
    }

    private func passwords(_ people: People) async throws {
        let agent = people.agentToken
        #expect(try await api.call(.post, "/api/v1/me/password", token: agent,
                                   json: ["currentPassword": "geraten", "newPassword": "neues-passwort"]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/me/password", token: agent,
                                   json: ["currentPassword": "vertrag-passwort", "newPassword": "neues-passwort"]).status == .noContent)
        #expect(try await api.call(.post, "/api/v1/me/password", token: admin, json: ["newPassword": "kurz"]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/me/password", token: admin, json: ["newPassword": "admin-passwort-2"]).status == .noContent)
    }
}
