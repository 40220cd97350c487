import Foundation
import HummingbirdTesting
import Services
import Testing

/// SLA clocks driven through the REST API with a clock the test moves (Saxony's administration week:
/// Monday to Friday 07:30–12:00 and 12:30–16:00, Europe/Berlin; 2026-11-27 is a Friday).
@Suite("SLA clocks through the API")
struct SLAClockTests {
    /// Makes SLA "Test" (first response 60, solution 240 working minutes; warning at 80 %) apply to every
    /// ticket, and SLA "Schnell" (solution 60) to priority "5 sehr hoch".
    static func useTestSLAs(_ system: TestSystem, _ client: any TestClientProtocol) async throws {
        let token = system.adminToken
        let test = try await client.call(.post, "/api/v1/slas", token: token, json: [
            "name": "Test", "targets": ["firstResponseMinutes": 60, "solutionMinutes": 240],
        ])
        let fast = try await client.call(.post, "/api/v1/slas", token: token, json: ["name": "Schnell", "targets": ["solutionMinutes": 60]])
        var configuration = try await client.call(.get, "/api/v1/sla-configuration", token: token).object
        configuration["bindings"] = [
            ["scope": "default", "slaId": try #require(test.object.int("id"))],
            ["scope": "default", "priorityId": 5, "slaId": try #require(fast.object.int("id"))],
        ]
        #expect(try await client.call(.put, "/api/v1/sla-configuration", token: token, json: configuration).status == .ok)
    }

    static func sla(_ response: JSONResponse) -> [String: Any] { response["sla"] as? [String: Any] ?? [:] }

    static func clock(_ report: JSONResponse, _ kind: String) -> [String: Any] {
        let clocks = report["clocks"] as? [[String: Any]] ?? []
        return clocks.first { $0.string("kind") == kind } ?? [:]
    }

    @Test("reply meets the first response; a suspending state pauses; the due time and escalations follow", arguments: TestBackend.available)
    func pauseAndEscalate(backend: TestBackend) async throws {
        let clock = try TestClock("2026-11-27T14:00:00Z")
        try await TestSystem.run(backend, clock: clock) { system, client in
            let token = system.adminToken
            try await Self.useTestSLAs(system, client)
            let (_, customer) = try await system.customer("erika", email: "erika@stadt.example")
            let created = try await client.call(.post, "/api/v1/tickets", token: customer, json: [
                "title": "Fachverfahren startet nicht", "queue": "Servicedesk", "article": ["body": "Seit dem Update."],
            ])
            let id = try #require(created.object.int("id"))
            #expect(Self.sla(created).string("status") == "ok")
            // First response: Friday 15:00 + 60 minutes = 16:00 CET.
            #expect(Self.sla(created).string("escalationAt") == "2026-11-27T15:00:00.000Z")

            try clock.set("2026-11-27T14:50:00Z")
            #expect(Self.sla(try await client.call(.get, "/api/v1/tickets/\(id)", token: token)).string("status") == "warning")
            let warning = try await client.call(.get, "/api/v1/tickets?slaStatus=warning", token: token)
            #expect(warning.items.compactMap { $0.int("id") } == [id])
            #expect(try await client.call(.get, "/api/v1/tickets?q=sla:warning", token: token).items.count == 1)
            #expect(try await client.call(.get, "/api/v1/tickets?q=sla:ok", token: token).items.isEmpty)

            try clock.set("2026-11-27T14:55:00Z")
            let reply = try await client.call(.post, "/api/v1/tickets/\(id)/articles", token: token, json: [
                "body": "Wir schauen uns das an.", "channel": "email", "customerVisible": true,
            ])
            #expect(reply.status == .created)
            let answered = try await client.call(.get, "/api/v1/tickets/\(id)", token: token)
            // The solution clock runs from the creation: Friday 15:00–16:00, then Monday 07:30–10:30 CET.
            #expect(Self.sla(answered).string("escalationAt") == "2026-11-30T09:30:00.000Z")
            #expect(Self.sla(answered).string("status") == "ok")

            try clock.set("2026-11-30T07:00:00Z")
            let waiting = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: [
                "state": "warten auf Rückmeldung", "pendingUntil": "2026-12-04T08:00:00Z",
            ])
            #expect(waiting.status == .ok)
            #expect(Self.sla(waiting).string("status") == "paused")
            #expect(Self.sla(waiting)["escalationAt"] == nil)
            #expect(try await client.call(.get, "/api/v1/tickets?slaStatus=paused", token: token).items.count == 1)

            try clock.set("2026-11-30T09:00:00Z")
            let resumed = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["state": "offen"])
            // 60 + 30 (07:30–08:00) = 90 used; 150 left from 10:00: 10:00–12:00 (120), 12:30–13:00 (30).
            #expect(Self.sla(resumed).string("escalationAt") == "2026-11-30T12:00:00.000Z")
            let report = try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: token)
            let solution = Self.clock(report, "solution")
            let status = try #require(solution["status"] as? [String: Any])
            #expect(status.int("pausedSeconds") == 7200)
            #expect(status.int("consumedSeconds") == 5_400)
            #expect(status.string("dueAt") == "2026-11-30T12:00:00.000Z")
            #expect((solution["pauses"] as? [Any])?.count == 1)
            #expect(Self.clock(report, "firstResponse")["status"].flatMap { ($0 as? [String: Any])?.string("condition") } == "met")

            // The worker comes late: warning (at 192 minutes, 11:42 CET) and breach fire once, in that order.
            try clock.set("2026-11-30T12:00:00Z")
            let escalator = SLAEscalator(context: system.services.context, masterData: MasterDataCache())
            #expect(try await escalator.escalateDue().fired == 2)
            #expect(try await escalator.escalateDue().fired == 0)
            let events = try await client.call(.get, "/api/v1/events?after=0&limit=1000", token: token)
            let escalations = events.items.filter { ($0.string("type") ?? "").hasPrefix("sla.") }
            #expect(escalations.compactMap { $0.string("type") } == ["sla.warning", "sla.breached"])
            let history = try await client.call(.get, "/api/v1/tickets/\(id)/history", token: token)
            #expect(history.items.filter { $0.string("field") == "sla.solution" }.compactMap { $0.string("newValue") } == ["warning", "breach"])
            #expect(try await client.call(.get, "/api/v1/tickets?slaStatus=breached&sort=escalation", token: token).items.count == 1)

            // Closing meets the solution late; reopening resumes it with the time already used.
            try clock.set("2026-11-30T13:00:00Z")
            let closed = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["state": "geschlossen (erfolgreich)"])
            #expect(Self.sla(closed)["status"] == nil)
            try clock.set("2026-12-01T07:30:00Z")
            _ = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["state": "offen"])
            let reopened = Self.clock(try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: token), "solution")
            let reopenedStatus = try #require(reopened["status"] as? [String: Any])
            #expect(reopenedStatus.string("condition") == "breached")
            // 90 minutes before the pause, 10:00–12:00 and 12:30–14:00 CET on Monday: 300 minutes, none while closed.
            #expect(reopenedStatus.int("consumedSeconds") == 18_000)
        }
    }

    @Test("an agent's outbound mail answers at once; an internal note does not", arguments: TestBackend.available)
    func agentOpenedTickets(backend: TestBackend) async throws {
        let clock = try TestClock("2026-11-30T07:30:00Z")
        try await TestSystem.run(backend, clock: clock) { system, client in
            try await Self.useTestSLAs(system, client)
            func firstResponse(_ article: [String: Any]) async throws -> String? {
                let created = try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: [
                    "title": "Rückruf", "queue": "Servicedesk", "customer": "paul@stadt.example", "article": article,
                ])
                let id = try #require(created.object.int("id"))
                let report = try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: system.adminToken)
                return (Self.clock(report, "firstResponse")["status"] as? [String: Any])?.string("condition")
            }
            #expect(try await firstResponse(["body": "Ihr neues Passwort liegt bereit.", "channel": "email", "customerVisible": true]) == "met")
            #expect(try await firstResponse(["body": "Rückruf vereinbart.", "channel": "note"]) == "ok")
        }
    }

    @Test("a priority change moves the ticket to another SLA; time used carries over", arguments: TestBackend.available)
    func slaChange(backend: TestBackend) async throws {
        let clock = try TestClock("2026-11-30T07:30:00Z")
        try await TestSystem.run(backend, clock: clock) { system, client in
            let token = system.adminToken
            try await Self.useTestSLAs(system, client)
            let created = try await client.call(.post, "/api/v1/tickets", token: token, json: ["title": "Server langsam", "queue": "Servicedesk"])
            let id = try #require(created.object.int("id"))
            #expect(Self.sla(created).string("name") == "Test")
            // 90 working minutes later the priority rises: "Schnell" allows 60, so the ticket is breached at once.
            try clock.set("2026-11-30T09:00:00Z")
            let raised = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["priority": "5 sehr hoch"])
            #expect(Self.sla(raised).string("name") == "Schnell")
            #expect(Self.sla(raised).string("status") == "breached")
            let solution = Self.clock(try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: token), "solution")
            let status = try #require(solution["status"] as? [String: Any])
            #expect(status.string("breachedAt") == "2026-11-30T09:00:00.000Z")
            #expect(status.int("overrunSeconds") == 1_800)
            // Back to normal: the looser solution target re-arms the breach.
            _ = try await client.call(.patch, "/api/v1/tickets/\(id)", token: token, json: ["priority": "3 normal"])
            let relaxed = Self.clock(try await client.call(.get, "/api/v1/tickets/\(id)/sla", token: token), "solution")
            let relaxedStatus = try #require(relaxed["status"] as? [String: Any])
            #expect(relaxedStatus.string("condition") == "ok")
            #expect(relaxedStatus["breachedAt"] == nil)
        }
    }

    @Test("two escalators on one database fire each threshold once", arguments: TestBackend.available)
    func escalationsFireOnce(backend: TestBackend) async throws {
        let clock = try TestClock("2026-11-30T07:30:00Z")
        try await TestSystem.run(backend, clock: clock) { system, client in
            try await Self.useTestSLAs(system, client)
            for index in 0..<12 {
                _ = try await client.call(.post, "/api/v1/tickets", token: system.adminToken, json: ["title": "Störung \(index)", "queue": "Servicedesk"])
            }
            // Tuesday: every ticket's first response (60) and solution (240) warned and breached: 4 escalations each.
            try clock.set("2026-12-01T15:00:00Z")
            let first = SLAEscalator(context: system.services.context, masterData: MasterDataCache())
            let second = SLAEscalator(context: system.services.context, masterData: MasterDataCache())
            async let a = first.escalateDue(limit: 5)
            async let b = second.escalateDue(limit: 5)
            var fired = try await a.fired + b.fired
            while true {
                let (more, hasMore) = try await first.escalateDue(limit: 5)
                fired += more
                if !hasMore { break }
            }
            #expect(fired == 48)
            let events = try await client.call(.get, "/api/v1/events?after=0&limit=1000", token: system.adminToken)
            #expect(events.items.filter { $0.string("type") == "sla.breached" }.count == 24)
        }
    }
}
