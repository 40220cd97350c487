import Domain
import Foundation
import HummingbirdTesting
import Mail
import Services
import Store
import Testing

/// A test system with the demo catalogue, a sender address for portal mail, and customers of two organisations.
struct PortalWorld {
    let system: TestSystem
    let client: any TestClientProtocol
    /// Erika of the Ordnungsamt, who may see her organisation's requests.
    let erika: String
    /// Karl of the Ordnungsamt, Erika's colleague.
    let karl: String
    /// Paula of the Kämmerei, another organisation.
    let paula: String
    let ordnungsamtID: Int64
    let kaemmereiID: Int64

    var admin: String { system.adminToken }

    static func make(_ system: TestSystem, _ client: any TestClientProtocol) async throws -> PortalWorld {
        #expect(try await DemoCatalogue(context: system.services.context, masterData: MasterDataCache()).seedIfAbsent())
        let settings = try await client.call(.get, "/api/v1/portal/settings", token: system.adminToken)
        var body = settings.object
        body["senderAddress"] = "service@stadt.example"
        body["publicBaseUrl"] = "https://service.stadt.example"
        #expect(try await client.call(.put, "/api/v1/portal/settings", token: system.adminToken, json: body).status == .ok)
        let ordnungsamt = try await client.call(.post, "/api/v1/organisations", token: system.adminToken, json: ["name": "Ordnungsamt"])
        let kaemmerei = try await client.call(.post, "/api/v1/organisations", token: system.adminToken, json: ["name": "Kämmerei"])
        let ordnungsamtID = try #require(ordnungsamt.object.int("id"))
        let kaemmereiID = try #require(kaemmerei.object.int("id"))
        let erika = try await system.customer("erika", email: "erika@ordnungsamt.example", organisationID: ordnungsamtID, seesOrganisation: true)
        let karl = try await system.customer("karl", email: "karl@ordnungsamt.example", organisationID: ordnungsamtID)
        let paula = try await system.customer("paula", email: "paula@kaemmerei.example", organisationID: kaemmereiID, seesOrganisation: true)
        return PortalWorld(system: system, client: client, erika: erika.token, karl: karl.token, paula: paula.token,
                           ordnungsamtID: ordnungsamtID, kaemmereiID: kaemmereiID)
    }

    /// The id of the catalogue category titled `title` (as the administrator sees it).
    func category(_ title: String) async throws -> Int64 {
        let list = try await client.call(.get, "/api/v1/portal/catalogue", token: admin)
        return try #require(list.items.first { $0.string("titleDE") == title }?.int("id"), "category \(title)")
    }

    /// Erika's toner request; returns the request detail.
    func orderToner(_ token: String? = nil, urgent: Bool = false, reason: String? = nil) async throws -> JSONResponse {
        var answers: [String: Any] = ["druckermodell": "HP LaserJet M404", "tonerfarbe": "Schwarz", "anzahl": 2, "eilig": urgent]
        if let reason { answers["begruendung"] = reason }
        return try await client.call(.post, "/api/v1/portal/catalogue/\(try await category("Toner bestellen"))/requests", token: token ?? erika, json: [
            "answers": answers,
            "uploads": ["foto": [["filename": "typenschild.jpg", "contentType": "image/jpeg", "contentBase64": Data("JPEG".utf8).base64EncodedString()]]],
        ])
    }

    /// The texts of the outbox messages, oldest first, with their recipients.
    func outbox() async throws -> [(recipients: String, subject: String, text: String, ticketID: Int64?)] {
        try await system.database.read { db in
            try await db.raw("SELECT ticket_id, content, envelope_recipients FROM mail_outbox ORDER BY id").all().map { row in
                let message = MIMEParser.parse([UInt8](try row.decode(column: "content", as: Data.self)))
                return (try row.decode(column: "envelope_recipients", as: String.self), message.subject ?? "", message.textBody ?? "",
                        try row.decode(column: "ticket_id", as: Int64?.self))
            }
        }
    }

    /// The token in the link of the last portal mail to `recipient` whose link path is `path`.
    func token(in path: String, to recipient: String) async throws -> String {
        let mail = try #require(try await outbox().last { $0.recipients.contains(recipient) && $0.text.contains(path) })
        let start = try #require(mail.text.range(of: path + "?token="))
        return String(mail.text[start.upperBound...].prefix { !$0.isWhitespace })
    }

    /// Moves a ticket into the state named `state` as the administrator.
    func setState(_ ticketID: Int64, _ state: String, pendingUntil: String? = nil) async throws {
        var body: [String: Any] = ["state": state]
        if let pendingUntil { body["pendingUntil"] = pendingUntil }
        let response = try await client.call(.patch, "/api/v1/tickets/\(ticketID)", token: admin, json: body)
        #expect(response.status == .ok, "\(response.object)")
    }
}
