import Foundation
import HTTPTypes
import Testing

/// Text templates kept, refused and filled in for a ticket; an article split off into a new ticket.
extension ContractScenario {
    func textTemplates(queueID: Int64, people: People) async throws {
        let greeting = try await api.call(.post, "/api/v1/text-templates", token: admin, json: [
            "name": "Begrüßung", "textDE": "Guten Tag {{customer.firstName}} {{customer.lastName}},\nzu Ticket {{ticket.number}}:",
            "textEN": "Dear {{customer.firstName}},", "queueId": queueID,
        ])
        #expect(greeting.status == .created && greeting.object.string("queue") == "Vertragswesen")
        let greetingID = try #require(greeting.object.int("id"))
        let germanOnly = try await api.call(.post, "/api/v1/text-templates", token: admin, json: ["name": "Gruß", "textDE": "Mit freundlichen Grüßen\n{{agent.firstName}} {{agent.lastName}}"])
        let germanOnlyID = try #require(germanOnly.object.int("id"))
        let refused = try await api.call(.post, "/api/v1/text-templates", token: admin, json: ["name": " ", "textDE": "{{ticket.nummer}}", "queueId": 987654])
        #expect(refused.status == .unprocessableContent)
        #expect(Set(refused.problemFields) == ["name", "textDE", "queueId"])
        #expect(try await api.call(.post, "/api/v1/text-templates", token: admin, json: ["name": "begrüßung", "textEN": "x"]).status == .conflict)
        #expect(try await api.call(.post, "/api/v1/text-templates", token: people.agentToken, json: ["name": "Eigenes", "textDE": "x"]).status == .forbidden)
        #expect(try await api.call(.get, "/api/v1/text-templates", token: people.agentToken).items.count == 2)
        #expect(try await api.call(.get, "/api/v1/text-templates?queueId=1", token: admin).items.compactMap { $0.string("name") } == ["Gruß"])
        #expect(try await api.call(.get, "/api/v1/text-templates", token: people.customerToken).status == .forbidden)
        let changed = try await api.call(.patch, "/api/v1/text-templates/\(germanOnlyID)", token: admin, json: ["textEN": "Kind regards", "isActive": true])
        #expect(changed.object.string("textEN") == "Kind regards")
        #expect(try await api.call(.patch, "/api/v1/text-templates/\(germanOnlyID)", token: admin, json: ["textDE": NSNull()]).object["textDE"] == nil)
        #expect(try await api.call(.patch, "/api/v1/text-templates/\(germanOnlyID)", token: admin, json: ["textEN": NSNull()]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/text-templates/\(greetingID)", token: people.agentToken).status == .ok)
        #expect(try await api.call(.get, "/api/v1/text-templates/987654", token: admin).status == .notFound)

        let ticket = try await api.call(.post, "/api/v1/tickets", token: admin, json: [
            "title": "Zwei Anliegen", "queueId": queueID, "customer": people.contactEmail,
            "article": ["subject": "Lizenz und Drucker", "body": "Erstens die Lizenz.\n\nZweitens: der Drucker im 2. OG streikt."],
        ])
        let ticketID = try #require(ticket.object.int("id"))
        let rendered = try await api.call(.post, "/api/v1/tickets/\(ticketID)/text-templates/\(greetingID)/render", token: people.agentToken, json: [:])
        #expect(rendered.object.string("language") == "en" && rendered.object.string("text") == "Dear Petra,")
        let german = try await api.call(.post, "/api/v1/tickets/\(ticketID)/text-templates/\(greetingID)/render", token: admin, json: ["language": "de"])
        #expect(german.object.string("text")?.hasPrefix("Guten Tag Petra Paragraf-Klein,\nzu Ticket ") == true)
        #expect(try await api.call(.post, "/api/v1/tickets/\(ticketID)/text-templates/\(greetingID)/render", token: admin,
                                   json: ["language": "fr"]).status == .unprocessableContent)
        let other = try await api.call(.post, "/api/v1/tickets", token: admin, json: ["title": "Anderswo", "queue": "Servicedesk"])
        let otherID = try #require(other.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/tickets/\(otherID)/text-templates/\(greetingID)/render", token: admin, json: [:]).status == .notFound)

        let articleID = try #require(try await api.call(.get, "/api/v1/tickets/\(ticketID)/articles", token: admin).items.first?.int("id"))
        #expect(try await api.call(.post, "/api/v1/tickets/\(ticketID)/articles/\(articleID)/split", token: admin, json: [:],
                                   headers: [.ifMatch: "\"99\""]).status == .preconditionFailed)
        let split = try await api.call(.post, "/api/v1/tickets/\(ticketID)/articles/\(articleID)/split", token: admin,
                                       json: ["title": "Drucker 2. OG streikt"])
        #expect(split.status == .created && split.object.string("title") == "Drucker 2. OG streikt")
        #expect(split.object.int("contactId") == people.contactID)
        let splitID = try #require(split.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/tickets/\(splitID)/links", token: admin).items.first?.int("targetId") == splitID)
        #expect(try await api.call(.post, "/api/v1/tickets/\(ticketID)/articles/987654/split", token: admin, json: [:]).status == .notFound)
        #expect(try await api.call(.post, "/api/v1/tickets/\(otherID)/articles/\(articleID)/split", token: admin, json: [:]).status == .notFound)
        #expect(try await api.call(.delete, "/api/v1/text-templates/\(germanOnlyID)", token: admin).status == .noContent)
        #expect(try await api.call(.delete, "/api/v1/text-templates/\(germanOnlyID)", token: admin).status == .notFound)
    }
}
