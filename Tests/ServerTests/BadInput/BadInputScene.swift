import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A small system to throw bad input at: two tickets with articles, a contact in an organisation, an agent
/// with a role, and a ticket field of every type.
struct BadInputScene: Sendable {
    let system: TestSystem
    let ticket: Int64
    let other: Int64
    let contact: Int64
    let organisation: Int64
    let agent: Int64
    let role: Int64
    let queue: Int64
    let link: Int64

    var token: String { system.adminToken }

    /// Field name → type; every type once.
    static let fieldTypes: [(String, String)] = [
        ("f_text", "text"), ("f_textarea", "textarea"), ("f_number", "number"), ("f_date", "date"), ("f_datetime", "datetime"),
        ("f_select", "select"), ("f_multiselect", "multiselect"), ("f_checkbox", "checkbox"), ("f_contact", "contactReference"),
        ("f_user", "userReference"), ("f_config_item", "configItemReference"),
    ]

    static func build(_ system: TestSystem, _ client: some TestClientProtocol) async throws -> BadInputScene {
        let token = system.adminToken
        func post(_ path: String, _ json: [String: Any]) async throws -> Int64 {
            let response = try await client.call(.post, path, token: token, json: json)
            guard let id = response.object.int("id") else { throw TestSetupError.unexpected("POST \(path): \(response.summary)") }
            return id
        }
        for (name, type) in fieldTypes {
            var definition: [String: Any] = ["name": name, "label": "Feld \(type)", "object": "ticket", "type": type]
            switch type {
            case "text": definition["regex"] = "[A-Z]{2}-[0-9]+"
            case "number": definition["minimum"] = 0; definition["maximum"] = 100
            case "select": definition["options"] = ["rot", "grün"]
            case "multiselect": definition["options"] = ["Mo", "Di", "Mi"]
            default: break
            }
            let response = try await client.call(.post, "/api/v1/fields", token: token, json: definition)
            guard response.status == .created else { throw TestSetupError.unexpected("field \(name): \(response.summary)") }
        }
        let master = try await system.services.masterData.snapshot()
        let queue = try #require(master.queues.first { $0.name == "Servicedesk" }?.id)
        let organisation = try await post("/api/v1/organisations", ["name": "Stadtkasse", "mailDomains": ["stadtkasse.example"]])
        let contact = try await post("/api/v1/contacts", ["lastName": "Kim", "emails": ["kim@stadtkasse.example"], "organisationId": organisation])
        let role = try await post("/api/v1/roles", ["name": "Servicedesk lesen", "queues": [String(queue): ["read"]]])
        let (agent, _) = try await system.agent("ines", rights: ["Servicedesk": .all])
        let ticket = try await post("/api/v1/tickets", [
            "title": "Monitor defekt", "queue": "Servicedesk", "contactId": contact,
            "article": ["subject": "Monitor", "body": "Das Bild bleibt schwarz."], "fields": ["f_text": "AB-12"],
        ])
        let other = try await post("/api/v1/tickets", ["title": "Tastatur klemmt", "queue": "Arbeitsplatz", "article": ["body": "Taste E klemmt."]])
        let link = try await post("/api/v1/tickets/\(ticket)/links", ["type": "relates", "targetId": other])
        return BadInputScene(system: system, ticket: ticket, other: other, contact: contact, organisation: organisation, agent: agent,
                             role: role, queue: queue, link: link)
    }
}

/// A write endpoint with a valid body to start from.
struct WriteEndpoint: Sendable, CustomStringConvertible {
    var method: HTTPRequest.Method
    var path: @Sendable (BadInputScene) -> String
    var valid: @Sendable (BadInputScene) -> [String: Any]
    var name: String

    var description: String { name }

    init(_ method: HTTPRequest.Method, _ name: String, path: @escaping @Sendable (BadInputScene) -> String,
         valid: @escaping @Sendable (BadInputScene) -> [String: Any]) {
        self.method = method
        self.name = "\(method) \(name)"
        self.path = path
        self.valid = valid
    }

    /// Every endpoint that reads a JSON body.
    static let all: [WriteEndpoint] = [
        WriteEndpoint(.post, "tickets", path: { _ in "/api/v1/tickets" }) { _ in
            ["title": "Drucker", "queue": "Servicedesk", "customer": "lea@stadtkasse.example", "priority": "4 hoch", "type": "Störung",
             "article": ["subject": "Drucker", "body": "Kein Toner.", "contentType": "text/plain"], "fields": ["f_text": "XY-1"]]
        },
        WriteEndpoint(.patch, "tickets/{id}", path: { "/api/v1/tickets/\($0.ticket)" }) { scene in
            ["title": "Monitor defekt (neu)", "state": "offen", "priority": "4 hoch", "ownerId": scene.agent, "fields": ["f_number": 5]]
        },
        WriteEndpoint(.post, "tickets/{id}/articles", path: { "/api/v1/tickets/\($0.ticket)/articles" }) { _ in
            ["subject": "Rückruf", "body": "Kollegin zurückgerufen.", "channel": "phone", "customerVisible": true]
        },
        WriteEndpoint(.post, "tickets/{id}/links", path: { "/api/v1/tickets/\($0.ticket)/links" }) { ["type": "dependsOn", "targetId": $0.other] },
        WriteEndpoint(.post, "tickets/{id}/merge", path: { "/api/v1/tickets/\($0.ticket)/merge" }) { ["targetId": $0.other] },
        WriteEndpoint(.post, "tickets/{id}/watchers", path: { "/api/v1/tickets/\($0.ticket)/watchers" }) { ["userId": $0.agent] },
        WriteEndpoint(.post, "tickets/{id}/time-entries", path: { "/api/v1/tickets/\($0.ticket)/time-entries" }) { _ in
            ["minutes": 15, "note": "Telefonat"]
        },
        WriteEndpoint(.post, "queues", path: { _ in "/api/v1/queues" }) { scene in
            ["name": "Telefonie", "parentId": scene.queue, "systemAddress": "telefonie@stadt.example", "followUpPolicy": "reject", "comment": "neu"]
        },
        WriteEndpoint(.patch, "queues/{id}", path: { "/api/v1/queues/\($0.queue)" }) { _ in ["comment": "Erste Anlaufstelle"] },
        WriteEndpoint(.post, "states", path: { _ in "/api/v1/states" }) { _ in ["name": "in Prüfung", "nameEN": "in review", "type": "open"] },
        WriteEndpoint(.post, "priorities", path: { _ in "/api/v1/priorities" }) { _ in ["name": "6 kritisch", "rank": 6] },
        WriteEndpoint(.post, "types", path: { _ in "/api/v1/types" }) { _ in ["name": "Beschwerde"] },
        WriteEndpoint(.post, "services", path: { _ in "/api/v1/services" }) { _ in ["name": "Parkausweise"] },
        WriteEndpoint(.post, "users", path: { _ in "/api/v1/users" }) { scene in
            ["login": "jonas", "password": "ein-langes-passwort", "email": "jonas@stadt.example", "roleIds": [scene.role], "isAgent": true]
        },
        WriteEndpoint(.post, "roles", path: { _ in "/api/v1/roles" }) { scene in ["name": "Leser", "queues": [String(scene.queue): ["read", "note"]]] },
        WriteEndpoint(.post, "contacts", path: { _ in "/api/v1/contacts" }) { scene in
            ["lastName": "Lang", "firstName": "Lea", "emails": ["lea.lang@stadtkasse.example"], "phones": ["+49 30 1234"], "organisationId": scene.organisation]
        },
        WriteEndpoint(.put, "contacts/{id}", path: { "/api/v1/contacts/\($0.contact)" }) { scene in
            ["lastName": "Kim", "emails": ["kim@stadtkasse.example"], "organisationId": scene.organisation]
        },
        WriteEndpoint(.post, "organisations", path: { _ in "/api/v1/organisations" }) { scene in
            ["name": "Stadtkasse Außenstelle", "mailDomains": ["*.stadtkasse.example"], "parentId": scene.organisation]
        },
        WriteEndpoint(.put, "organisations/{id}", path: { "/api/v1/organisations/\($0.organisation)" }) { _ in
            ["name": "Stadtkasse", "mailDomains": ["stadtkasse.example"]]
        },
        WriteEndpoint(.post, "fields", path: { _ in "/api/v1/fields" }) { _ in
            ["name": "f_neu", "label": "Neu", "object": "ticket", "type": "select", "options": ["a", "b"]]
        },
        WriteEndpoint(.patch, "fields/{name}", path: { _ in "/api/v1/fields/f_number" }) { _ in ["label": "Anzahl", "maximum": 50] },
        WriteEndpoint(.post, "sessions", path: { _ in "/api/v1/sessions" }) { _ in ["login": "ines", "password": "password-ines"] },
        WriteEndpoint(.post, "tokens", path: { _ in "/api/v1/tokens" }) { _ in ["name": "Skript", "login": "ines"] },
        WriteEndpoint(.post, "me/password", path: { _ in "/api/v1/me/password" }) { _ in ["newPassword": "admin-password"] },
    ]
}
