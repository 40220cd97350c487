import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Who calls in the permission tests.
enum Actor: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Administrator: everything.
    case admin
    /// Agent with `read` in queue A.
    case readA
    /// Agent with `read`, `create` and `note` in queue A.
    case noteA
    /// Agent with every right in queue A and none in queue B.
    case allA
    /// Agent without any role.
    case noRole
    /// Customer of organisation X who sees only their own tickets.
    case customerOwn
    /// Customer of organisation X who sees the organisation's tickets.
    case customerOrg
    /// Customer of organisation Y who sees that organisation's tickets.
    case customerOther
    /// No credentials at all.
    case anonymous

    var testDescription: String { rawValue }
    var isCustomer: Bool { [.customerOwn, .customerOrg, .customerOther].contains(self) }
    var isAgent: Bool { [.admin, .readA, .noteA, .allA, .noRole].contains(self) }
}

/// A seeded system with two queues, tickets in both (public and internal articles, attachments, links,
/// watchers, time, history, an internal and a customer-visible field), and one principal of each kind.
///
/// Queue A is "Servicedesk", queue B is "Netzwerk". Who sees which ticket:
///
/// | ticket | queue | contact (organisation) | seen by |
/// |---|---|---|---|
/// | a1 | A | customerOwn (X) | admin, readA, noteA, allA, customerOwn, customerOrg |
/// | a2 | A | customerOther (Y) | admin, readA, noteA, allA, customerOther |
/// | b  | B | customerOrg (X) | admin, customerOrg |
struct AccessWorld: Sendable {
    static let queueA = "Servicedesk"
    static let queueB = "Netzwerk"
    /// Words that occur only in one place each, to probe search.
    static let internalNoteWord = "kellerschrank"
    static let internalFieldWord = "zaunkönig"
    static let publicFieldWord = "rotkehlchen"
    static let ticketBWord = "quokka"
    static let ticketA2Word = "okapi"

    let system: TestSystem
    let tokens: [Actor: String]
    let userIDs: [Actor: Int64]
    let queueAID: Int64
    let queueBID: Int64
    let organisationX: Int64
    let organisationY: Int64
    let contacts: [Actor: Int64]
    let a1: Int64
    let a2: Int64
    let b: Int64
    let numbers: [Int64: String]
    /// Attachment of a1's customer-visible article.
    let a1PublicAttachment: Int64
    /// Attachment of a1's internal note.
    let a1InternalAttachment: Int64
    /// Attachment of a2's customer-visible article.
    let a2PublicAttachment: Int64
    /// Attachment of b's customer-visible article.
    let bPublicAttachment: Int64
    let linkA1toB: Int64
    let linkA1toA2: Int64

    var tickets: [Int64] { [a1, a2, b] }

    func token(_ actor: Actor) -> String? { tokens[actor] }

    /// Whether `actor` may see `ticket` (one of the world's three).
    func sees(_ actor: Actor, _ ticket: Int64) -> Bool {
        switch actor {
        case .admin: true
        case .readA, .noteA, .allA: ticket == a1 || ticket == a2
        case .noRole, .anonymous: false
        case .customerOwn: ticket == a1
        case .customerOrg: ticket == a1 || ticket == b
        case .customerOther: ticket == a2
        }
    }

    func visible(to actor: Actor) -> Set<Int64> { Set(tickets.filter { sees(actor, $0) }) }

    static func build(_ system: TestSystem, _ client: some TestClientProtocol) async throws -> AccessWorld {
        let admin = system.adminToken
        func post(_ path: String, _ json: [String: Any]) async throws -> [String: Any] {
            let response = try await client.call(.post, path, token: admin, json: json)
            guard (200..<300).contains(response.status.code) else {
                throw TestSetupError.unexpected("POST \(path): \(response.status) \(String(buffer: response.raw))")
            }
            return response.object
        }
        let master = try await system.services.masterData.snapshot()
        guard let queueA = master.queues.first(where: { $0.name == queueA }), let queueB = master.queues.first(where: { $0.name == queueB }) else {
            throw TestSetupError.unexpected("seeded queues")
        }

        _ = try await post("/api/v1/fields", ["name": "internal_code", "label": "Interner Code", "object": "ticket", "type": "text"])
        _ = try await post("/api/v1/fields", [
            "name": "public_ref", "label": "Ihr Zeichen", "object": "ticket", "type": "text", "customerVisible": true,
        ])
        let organisationX = try #require(try await post("/api/v1/organisations", ["name": "Bürgeramt"]).int("id"))
        let organisationY = try #require(try await post("/api/v1/organisations", ["name": "Ordnungsamt"]).int("id"))

        var tokens: [Actor: String] = [.admin: admin]
        var userIDs: [Actor: Int64] = [:]
        var contacts: [Actor: Int64] = [:]
        let agents: [(Actor, [String: QueueRights])] = [
            (.readA, [queueA.name: [.read]]),
            (.noteA, [queueA.name: [.read, .create, .note]]),
            (.allA, [queueA.name: .all]),
            (.noRole, [:]),
        ]
        for (actor, rights) in agents {
            let (id, token) = try await system.agent(actor.rawValue, rights: rights)
            tokens[actor] = token
            userIDs[actor] = id
        }
        userIDs[.admin] = try await client.call(.get, "/api/v1/me", token: admin).object.int("id")
        for (actor, email, organisation, seesOrganisation) in [
            (Actor.customerOwn, "anna.alt@buergeramt.example", organisationX, false),
            (Actor.customerOrg, "bernd.berg@buergeramt.example", organisationX, true),
            (Actor.customerOther, "clara.cold@ordnungsamt.example", organisationY, true),
        ] {
            let (contactID, token) = try await system.customer(actor.rawValue, email: email, organisationID: organisation, seesOrganisation: seesOrganisation)
            tokens[actor] = token
            contacts[actor] = contactID
        }

        let pdf = Data("%PDF-1.4 öffentlich".utf8).base64EncodedString()
        let secretPDF = Data("%PDF-1.4 intern".utf8).base64EncodedString()
        func ticket(_ title: String, queue: String, contact: Actor, body: String, fields: [String: Any]) async throws -> (id: Int64, number: String) {
            let created = try await post("/api/v1/tickets", [
                "title": title, "queue": queue, "contactId": contacts[contact] as Any, "fields": fields,
                "article": ["subject": title, "body": body, "channel": "email", "customerVisible": true,
                            "attachments": [["filename": "Anschreiben \(queue).pdf", "contentType": "application/pdf", "contentBase64": pdf]]],
            ])
            guard let id = created.int("id"), let number = created.string("number") else { throw TestSetupError.unexpected("ticket \(title)") }
            return (id, number)
        }
        let a1 = try await ticket("Drucker im Bürgeramt", queue: queueA.name, contact: .customerOwn, body: "Der Drucker zieht kein Papier ein.",
                                  fields: ["internal_code": "Kostenstelle \(internalFieldWord)", "public_ref": "Zeichen \(publicFieldWord)"])
        let a2 = try await ticket("Beamer Sitzungssaal \(ticketA2Word)", queue: queueA.name, contact: .customerOther, body: "Der Beamer bleibt dunkel.", fields: [:])
        let b = try await ticket("Firewall Wartungsfenster \(ticketBWord)", queue: queueB.name, contact: .customerOrg, body: "Bitte Port 443 freigeben.", fields: [:])

        _ = try await post("/api/v1/tickets/\(a1.id)/articles", [
            "body": "Intern: Passwortliste liegt im \(internalNoteWord).", "channel": "note",
            "attachments": [["filename": "Passwoerter Liste.pdf", "contentType": "application/pdf", "contentBase64": secretPDF]],
        ])
        let a1Attachments = try await client.call(.get, "/api/v1/tickets/\(a1.id)/attachments", token: admin).items
        let a2Attachments = try await client.call(.get, "/api/v1/tickets/\(a2.id)/attachments", token: admin).items
        let bAttachments = try await client.call(.get, "/api/v1/tickets/\(b.id)/attachments", token: admin).items
        let linkToB = try #require(try await post("/api/v1/tickets/\(a1.id)/links", ["type": "relates", "targetId": b.id]).int("id"))
        let linkToA2 = try #require(try await post("/api/v1/tickets/\(a1.id)/links", ["type": "dependsOn", "targetId": a2.id]).int("id"))
        for id in [a1.id, b.id] {
            _ = try await post("/api/v1/tickets/\(id)/watchers", [:])
            _ = try await post("/api/v1/tickets/\(id)/time-entries", ["minutes": 20, "note": "Vor Ort"])
            _ = try await client.call(.patch, "/api/v1/tickets/\(id)", token: admin, json: ["ownerId": userIDs[.admin] as Any, "state": "offen"])
        }

        return AccessWorld(
            system: system, tokens: tokens, userIDs: userIDs, queueAID: queueA.id, queueBID: queueB.id,
            organisationX: organisationX, organisationY: organisationY, contacts: contacts,
            a1: a1.id, a2: a2.id, b: b.id, numbers: [a1.id: a1.number, a2.id: a2.number, b.id: b.number],
            a1PublicAttachment: try #require(a1Attachments.first { $0.string("filename") == "Anschreiben \(queueA.name).pdf" }?.int("id")),
            a1InternalAttachment: try #require(a1Attachments.first { $0.string("filename") == "Passwoerter Liste.pdf" }?.int("id")),
            a2PublicAttachment: try #require(a2Attachments.first?.int("id")),
            bPublicAttachment: try #require(bAttachments.first?.int("id")),
            linkA1toB: linkToB, linkA1toA2: linkToA2
        )
    }
}
