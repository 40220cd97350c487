import Foundation
import Testing

extension ContractScenario {
    /// Calendars, SLAs and their assignment administered, a queue given a calendar, and a ticket's clocks read.
    func serviceLevels(queueID: Int64, people: People) async throws {
        #expect(try await api.call(.get, "/api/v1/calendars", token: admin).items.count == 2)
        let week: [String: Any] = ["monday": [["start": 480, "end": 960]], "tuesday": [["start": 480, "end": 720], ["start": 780, "end": 960]]]
        let calendar = try await api.call(.post, "/api/v1/calendars", token: admin, json: [
            "name": "Bürgerbüro", "timeZoneId": "Europe/Berlin", "weeklyHours": week,
            "holidays": [["name": "Stadtfest", "kind": "oneOff", "date": "2026-06-12"], ["name": "Karfreitag", "kind": "easter", "offset": -2]],
        ])
        #expect(calendar.status == .created)
        let calendarID = try #require(calendar.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/calendars/\(calendarID)", token: admin, json: ["comment": "Mo und Di"]).status == .ok)
        let overlapping = try await api.call(.post, "/api/v1/calendars", token: admin, json: [
            "name": "Falsch", "timeZoneId": "Europe/Berlin", "weeklyHours": ["monday": [["start": 480, "end": 720], ["start": 600, "end": 900]]],
        ])
        #expect(overlapping.status == .unprocessableContent)
        #expect(try await api.call(.post, "/api/v1/calendars", token: admin, json: ["name": "Leer", "timeZoneId": "Mars/Olympus", "weeklyHours": [:]]).status == .unprocessableContent)

        #expect(try await api.call(.get, "/api/v1/slas", token: admin).items.count == 2)
        let sla = try await api.call(.post, "/api/v1/slas", token: admin, json: [
            "name": "Bürgerbüro", "calendarId": calendarID, "targets": ["firstResponseMinutes": 60, "solutionMinutes": 480], "warnAtPercent": 75,
        ])
        #expect(sla.status == .created)
        let slaID = try #require(sla.object.int("id"))
        #expect(try await api.call(.patch, "/api/v1/slas/\(slaID)", token: admin, json: ["phoneTickets": "awaitsAgentReply"]).status == .ok)
        #expect(try await api.call(.post, "/api/v1/slas", token: admin, json: ["name": "Null", "targets": ["solutionMinutes": 0]]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/slas/987654", token: admin, json: ["comment": "x"]).status == .notFound)

        var configuration = try await api.call(.get, "/api/v1/sla-configuration", token: admin).object
        var bindings = try #require(configuration["bindings"] as? [[String: Any]])
        bindings.insert(["scope": "queue", "scopeId": queueID, "slaId": slaID], at: 0)
        configuration["bindings"] = bindings
        #expect(try await api.call(.put, "/api/v1/sla-configuration", token: admin, json: configuration).status == .ok)
        #expect(try await api.call(.put, "/api/v1/sla-configuration", token: people.agentToken, json: configuration).status == .forbidden)
        #expect(try await api.call(.put, "/api/v1/sla-configuration", token: admin,
                                   json: ["bindings": [["scope": "queue", "scopeId": queueID, "slaId": 987654]]]).status == .unprocessableContent)
        #expect(try await api.call(.patch, "/api/v1/queues/\(queueID)", token: admin, json: ["calendarId": calendarID]).status == .ok)
        #expect(try await api.call(.patch, "/api/v1/queues/\(queueID)", token: admin, json: ["calendarId": 987654]).status == .unprocessableContent)

        let ticket = try await api.call(.post, "/api/v1/tickets", token: admin, json: [
            "title": "Termin im Bürgerbüro", "queueId": queueID, "article": ["body": "Bitte um Rückruf."],
        ])
        let ticketID = try #require(ticket.object.int("id"))
        #expect((ticket["sla"] as? [String: Any])?.string("name") == "Bürgerbüro")
        let report = try await api.call(.get, "/api/v1/tickets/\(ticketID)/sla", token: admin)
        #expect(report.object.string("calendar") == "Bürgerbüro")
        #expect((report["clocks"] as? [Any])?.count == 3)
        #expect(try await api.call(.get, "/api/v1/tickets/\(ticketID)/sla", token: people.customerToken).status == .notFound)
        #expect(try await api.call(.get, "/api/v1/tickets?sort=escalation&slaStatus=ok&slaStatus=warning", token: admin).status == .ok)
        #expect(try await api.call(.get, "/api/v1/tickets?slaStatus=late", token: admin).status == .unprocessableContent)
    }
}
