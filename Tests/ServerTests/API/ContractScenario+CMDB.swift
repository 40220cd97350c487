import Foundation
import HTTPTypes
import Testing

/// The CMDB part of the walk: classes and their versions, items, relations and graph, lists, saved lists, export,
/// import, and items on tickets.
extension ContractScenario {
    func cmdb(people: People) async throws {
        let classID = try await cmdbClasses()
        let computer = try await api.call(.post, "/api/v1/cmdb/items", token: admin, json: [
            "class": "Computer", "name": "PC-VT-01", "deploymentState": "Im Einsatz", "ownerOrganisationId": people.organisationID,
            "attributes": ["serial_number": "VT01", "inventory_number": "INV-VT-01", "warranty_end": "2026-12-01"],
        ])
        let computerID = try #require(computer.object.int("id"))
        let etag = try #require(computer.headers[.eTag])
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)", token: admin).status == .ok)
        #expect(try await api.call(.patch, "/api/v1/cmdb/items/\(computerID)", token: admin,
                                   json: ["attributes": ["ram_gb": 16]], headers: [.ifMatch: etag]).object.int("version") == 2)
        #expect(try await api.call(.patch, "/api/v1/cmdb/items/\(computerID)", token: admin,
                                   json: ["name": "x"], headers: [.ifMatch: etag]).status == .preconditionFailed)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)/versions", token: admin).items.count == 2)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)/history", token: admin).items.isEmpty == false)
        #expect(try await api.call(.post, "/api/v1/cmdb/items", token: admin, json: ["class": "Computer", "name": " "]).status == .unprocessableContent)

        let server = try await api.call(.post, "/api/v1/cmdb/items", token: admin, json: [
            "classId": classID, "name": "Fachverfahren-Server", "attributes": ["serial": "SRV-1"],
        ])
        let serverID = try #require(server.object.int("id"))
        let relation = try await api.call(.post, "/api/v1/cmdb/items/\(computerID)/relations", token: admin, json: ["type": "dependsOn", "targetId": serverID])
        let relationID = try #require(relation.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/cmdb/items/\(serverID)/relations", token: admin,
                                   json: ["type": "dependsOn", "targetId": computerID]).status == .unprocessableContent)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(serverID)/relations", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(serverID)/graph?depth=2", token: admin).object["nodes"] as? [Any] != nil)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(serverID)/graph?depth=9", token: admin).status == .unprocessableContent)

        try await cmdbLists()
        let ticket = try await api.call(.post, "/api/v1/tickets", token: admin, json: ["title": "PC startet nicht", "queue": "Vertragswesen", "type": "Störung"])
        let ticketID = try #require(ticket.object.int("id"))
        #expect(try await api.call(.post, "/api/v1/tickets/\(ticketID)/links", token: admin,
                                   json: ["type": "affects", "targetObject": "configItem", "targetId": computerID]).status == .created)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)", token: admin).object.string("incidentState") == "incident")
        #expect(try await api.call(.get, "/api/v1/tickets/\(ticketID)/config-items", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)/tickets", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/tickets?configItemId=\(computerID)", token: admin).items.count == 1)
        #expect(try await api.call(.delete, "/api/v1/cmdb/items/\(computerID)/relations/\(relationID)", token: admin).status == .noContent)
        #expect(try await api.call(.delete, "/api/v1/cmdb/items/\(computerID)/relations/\(relationID)", token: admin).status == .notFound)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)", token: people.customerToken).status == .ok)
        #expect(try await api.call(.get, "/api/v1/cmdb/items/\(computerID)/history?limit=1", token: admin).object.string("next") != nil)

        let impact = try await api.call(.get, "/api/v1/cmdb/impact-settings", token: admin)
        let types = try #require(impact["ticketTypeIds"] as? [Int])
        let saved = try await api.call(.put, "/api/v1/cmdb/impact-settings", token: admin, json: ["ticketTypeIds": types, "priorityIds": []],
                                       headers: [.ifMatch: try #require(impact.headers[.eTag])])
        #expect(saved.object.int("version") == 1)
        #expect(try await api.call(.get, "/api/v1/customers?q=a", token: admin).status == .ok)
    }

    /// Returns the id of a new class with a serial attribute.
    private func cmdbClasses() async throws -> Int64 {
        #expect(try await api.call(.get, "/api/v1/cmdb/classes", token: admin).items.count >= 10)
        let created = try await api.call(.post, "/api/v1/cmdb/classes", token: admin, json: [
            "name": "Fachserver", "nameEN": "Application server", "sections": ["Technik"],
            "attributes": [["key": "serial", "label": "Seriennummer", "type": "serialNumber", "unique": true, "section": "Technik"]],
        ])
        let classID = try #require(created.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/cmdb/classes/\(classID)", token: admin).object.string("nameEN") == "Application server")
        let redefined = try await api.call(.put, "/api/v1/cmdb/classes/\(classID)", token: admin, json: [
            "name": "Fachserver", "nameEN": "Application server", "sections": ["Technik"],
            "attributes": [["key": "serial", "label": "Seriennummer", "type": "serialNumber", "unique": true, "section": "Technik"],
                           ["key": "owner_team", "label": "Team", "type": "text"]],
        ])
        #expect(redefined.object.int("version") == 2)
        #expect(try await api.call(.get, "/api/v1/cmdb/classes/\(classID)/versions", token: admin).items.count == 2)
        #expect(try await api.call(.post, "/api/v1/cmdb/classes/\(classID)/upgrade", token: admin, json: [:]).object.int("upgraded") == 0)
        #expect(try await api.call(.post, "/api/v1/cmdb/classes/\(classID)/upgrade", token: admin,
                                   json: ["renames": ["a": "nowhere"]]).status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/cmdb/classes", token: admin, json: ["name": "Leer", "attributes": [["key": "1", "label": "x", "type": "text"]]]).status == .unprocessableContent)
        return classID
    }

    private func cmdbLists() async throws {
        #expect(try await api.call(.get, "/api/v1/cmdb/items?class=Computer&attr.serial_number=VT*&sort=-name", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/cmdb/items?q=fachverfahren", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/cmdb/items?attr.serial_number=VT01", token: admin).status == .unprocessableContent)
        let page = try await api.call(.get, "/api/v1/cmdb/items?limit=1", token: admin)
        let next = try #require(page.object.string("next"))
        #expect(try await api.call(.get, "/api/v1/cmdb/items?limit=1&cursor=\(next)", token: admin).items.count == 1)
        let csv = try await api.call(.get, "/api/v1/cmdb/export?class=Computer", token: admin)
        #expect(csv.contentType.hasPrefix("text/csv") && String(buffer: csv.raw).contains("INV-VT-01"))

        let saved = try await api.call(.post, "/api/v1/cmdb/lists", token: admin, json: [
            "name": "Garantie läuft ab", "filters": ["classes": ["Computer"], "due": "warranty_end", "days": 3650],
        ])
        let listID = try #require(saved.object.int("id"))
        #expect(try await api.call(.get, "/api/v1/cmdb/lists", token: admin).items.count == 1)
        #expect(try await api.call(.get, "/api/v1/cmdb/lists/\(listID)/items", token: admin).items.count == 1)
        #expect(try await api.call(.post, "/api/v1/cmdb/lists", token: admin,
                                   json: ["name": "Kaputt", "filters": ["deploymentStates": ["kaputt"]]]).status == .unprocessableContent)
        #expect(try await api.call(.delete, "/api/v1/cmdb/lists/\(listID)", token: admin).status == .noContent)

        let file = "Name;Seriennummer;Inventory Number\nPC-VT-02;VT02;INV-VT-02\n"
        let dry = try await api.call(.post, "/api/v1/cmdb/import", token: admin, json: ["class": "Computer", "content": file, "dryRun": true])
        #expect(dry.object.int("created") == 1)
        #expect(try await api.call(.post, "/api/v1/cmdb/import", token: admin, json: ["class": "Computer", "content": file]).status == .created)
        #expect(try await api.call(.post, "/api/v1/cmdb/import", token: admin,
                                   json: ["class": "Computer", "content": "Name;Farbe\nx;rot\n"]).status == .unprocessableContent)
    }
}
