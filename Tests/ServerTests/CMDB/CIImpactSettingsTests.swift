import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Administrators decide which tickets put the items they affect into incident state: by ticket type and priority,
/// through `/api/v1/cmdb/impact-settings`; a change recomputes every affected item at once and shows in the change log.
@Suite("CMDB impact settings")
struct CIImpactSettingsTests {
    @Test("types and priorities decide the incident state; changes are checked, versioned, logged and applied at once", arguments: TestBackend.available)
    func settings(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let admin = system.adminToken
            let master = try await system.services.masterData.snapshot()
            let incident = try #require(master.types.first { $0.name == "Störung" }?.id)
            let request = try #require(master.types.first { $0.name == "Serviceanfrage" }?.id)
            let high = try #require(master.priorities.first { $0.name == "4 hoch" }?.id)
            let defaults = try await client.call(.get, "/api/v1/cmdb/impact-settings", token: admin)
            #expect(defaults.status == .ok)
            #expect(defaults["ticketTypeIds"] as? [Int] == [Int(incident)])
            #expect(defaults["priorityIds"] as? [Int] == [])
            #expect(defaults.headers[.eTag] == "\"0\"")

            let host = try #require(try await client.call(.post, "/api/v1/cmdb/items", token: admin, json: [
                "class": "Server", "name": "Host 1", "attributes": ["kind": "physisch"],
            ]).object.int("id"))
            let ticket = try #require(try await client.call(.post, "/api/v1/tickets", token: admin, json: [
                "title": "Host langsam", "queue": "Servicedesk", "type": "Serviceanfrage", "priority": "3 normal",
            ]).object.int("id"))
            _ = try await client.call(.post, "/api/v1/tickets/\(ticket)/links", token: admin, json: ["type": "affects", "targetObject": "configItem", "targetId": host])
            func state() async throws -> String? {
                try await client.call(.get, "/api/v1/cmdb/items/\(host)", token: admin).object.string("incidentState")
            }
            #expect(try await state() == "operational", "a service request is no incident by default")

            let changed = try await client.call(.put, "/api/v1/cmdb/impact-settings", token: admin, json: [
                "ticketTypeIds": [incident, request], "priorityIds": [high],
            ], headers: [.ifMatch: "\"0\""])
            #expect(changed.status == .ok, "\(changed.summary)")
            #expect(changed.headers[.eTag] == "\"1\"")
            #expect(try await state() == "operational", "a normal-priority request does not count when only high ones do")
            _ = try await client.call(.patch, "/api/v1/tickets/\(ticket)", token: admin, json: ["priority": "4 hoch"])
            #expect(try await state() == "incident", "raising the priority puts the item into incident")

            _ = try await client.call(.put, "/api/v1/cmdb/impact-settings", token: admin, json: ["ticketTypeIds": [incident]])
            #expect(try await state() == "operational", "saving the settings recomputes the items at once")

            let stale = try await client.call(.put, "/api/v1/cmdb/impact-settings", token: admin, json: ["ticketTypeIds": []], headers: [.ifMatch: "\"1\""])
            expectProblem(stale, .preconditionFailed)
            let unknown = try await client.call(.put, "/api/v1/cmdb/impact-settings", token: admin, json: ["ticketTypeIds": [incident, 987_654], "priorityIds": [876_543]])
            expectProblem(unknown, .unprocessableContent, field: "ticketTypeIds[1]")
            #expect(unknown.problemFields.contains("priorityIds[0]"))
            expectProblem(try await client.call(.put, "/api/v1/cmdb/impact-settings", token: admin, json: ["priorityIds": [high]]), .unprocessableContent, field: "ticketTypeIds")
            #expect(try await client.call(.get, "/api/v1/cmdb/impact-settings", token: admin)["version"] as? Int == 2, "refused changes store nothing")

            let agent = try await system.agent("wilma", rights: ["Servicedesk": .all])
            expectProblem(try await client.call(.get, "/api/v1/cmdb/impact-settings", token: agent.token), .forbidden)
            expectProblem(try await client.call(.put, "/api/v1/cmdb/impact-settings", token: agent.token, json: ["ticketTypeIds": []]), .forbidden)
            let log = try await client.call(.get, "/api/v1/admin/changes?limit=5", token: admin).items
            #expect(log.filter { $0.string("kind") == "cmdbImpact" }.count == 2)
        }
    }
}
