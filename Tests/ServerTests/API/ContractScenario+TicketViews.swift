import Foundation
import HTTPTypes
import Testing

/// Saved ticket lists and bulk changes.
extension ContractScenario {
    func ticketViewsAndBulk(queueID: Int64, people: People) async throws {
        let created = try await api.call(.post, "/api/v1/ticket-views", token: people.agentToken, json: [
            "name": "Drucker offen", "shared": true,
            "filter": ["query": "Drucker", "queueIds": [queueID], "stateTypes": ["new", "open"], "sort": "escalation"],
        ])
        #expect(created.status == .created)
        let viewID = try #require(created.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/ticket-views", token: people.agentToken, json: ["name": "drucker OFFEN", "filter": [:]]).status == .conflict)
        #expect(try await api.call(.post, "/api/v1/ticket-views", token: people.agentToken,
                                   json: ["name": "kaputt", "filter": ["query": "created:gestern"]]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/ticket-views", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/ticket-views/\(viewID)/tickets?limit=5", token: admin).status == .ok)
        #expect(try await api.call(.get, "/api/v1/ticket-views/\(viewID)/tickets", token: people.customerToken).status == .forbidden)

        var ids: [Int64] = []
        for title in ["Bulk eins", "Bulk zwei"] {
            ids.append(try #require(try await api.call(.post, "/api/v1/tickets", token: admin, json: ["title": title, "queueId": queueID]).object.int("id")))
        }
        let bulk = try await api.call(.post, "/api/v1/tickets/bulk", token: admin, json: [
            "ticketIds": ids + [987_654_321], "note": "Sammelbearbeitung", "priorityId": 4,
        ])
        #expect(bulk.status == .ok)
        #expect(bulk.items.map { $0["ok"] as? Bool } == [true, true, false])
        #expect(try await api.call(.post, "/api/v1/tickets/bulk", token: admin, json: ["ticketIds": ids]).status == .unprocessableContent)
        #expect(try await api.call(.delete, "/api/v1/ticket-views/\(viewID)", token: people.agentToken).status == .noContent)
        #expect(try await api.call(.delete, "/api/v1/ticket-views/\(viewID)", token: people.agentToken).status == .notFound)
    }
}
