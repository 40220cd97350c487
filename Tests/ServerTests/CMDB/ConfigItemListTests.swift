import Foundation
import HTTPTypes
import Testing

@Suite("CMDB lists and search")
struct ConfigItemListTests {
    @Test("filters by class, state, attribute (exact, range, prefix), full text and due dates, with cursor paging", arguments: TestBackend.available)
    func filters(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let rows = [
                ("NB-001", "Rückgabe", "SN-A1", "2026-12-10"), ("NB-002", "Im Einsatz", "SN-A2", "2027-06-01"),
                ("NB-003", "Rückgabe", "SN-B3", "2026-11-30"), ("NB-004", "Lager", "SN-B4", "2030-01-01"),
            ]
            for (name, state, serial, warranty) in rows {
                let created = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: [
                    "class": "Notebook", "name": name, "deploymentState": state,
                    "attributes": ["serial_number": serial, "warranty_end": warranty, "model": "ThinkPad Zebrafink \(name)"],
                ])
                #expect(created.status == .created)
            }
            _ = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: ["class": "Monitor", "name": "Monitor 1"])
            func names(_ query: String) async throws -> [String] {
                try await client.call(.get, "/api/v1/cmdb/items?\(query)", token: token).items.compactMap { $0.string("name") }
            }
            #expect(try await names("class=Notebook&deploymentState=R%C3%BCckgabe") == ["NB-001", "NB-003"])
            #expect(try await names("class=Notebook&attr.serial_number=sn-b*") == ["NB-003", "NB-004"])
            #expect(try await names("class=Notebook&attr.warranty_end=2026-12-01..2027-12-31") == ["NB-001", "NB-002"])
            #expect(try await names("class=Notebook&attr.serial_number=SN-A2") == ["NB-002"])
            #expect(try await names("q=zebrafink&sort=name") == ["NB-001", "NB-002", "NB-003", "NB-004"])
            #expect(try await names("q=monitor") == ["Monitor 1"])
            #expect(try await names("class=Monitor&class=Notebook&sort=-name&limit=2") == ["NB-004", "NB-003"])

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.call(.get, "/api/v1/cmdb/items?sort=name&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
                seen += page.items.compactMap { $0.string("name") }
                cursor = page.object.string("next")
            } while cursor != nil
            #expect(seen == ["Monitor 1", "NB-001", "NB-002", "NB-003", "NB-004"])

            for bad in ["attr.serial_number=x", "class=Notebook&attr.colour=1", "class=Raumschiff", "deploymentState=kaputt",
                        "class=Notebook&attr.warranty_end=2026-13-01..", "limit=1001", "sort=colour", "class=Notebook&due=warranty_end",
                        "q=state:neu", "cursor=nonsense"] {
                #expect(try await client.call(.get, "/api/v1/cmdb/items?\(bad)", token: token).status == .unprocessableContent, "\(bad)")
            }
        }
    }

    @Test("items due within N days, as a saved list and as CSV", arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let token = system.adminToken
            let today = Date()
            func day(_ offset: Int) -> String {
                let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: offset, to: today) ?? today
                return date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
            }
            for (name, offset) in [("Drucker bald", 10), ("Drucker später", 90), ("Drucker vorbei", -5)] {
                _ = try await client.call(.post, "/api/v1/cmdb/items", token: token, json: [
                    "class": "Drucker", "name": name, "attributes": ["next_maintenance": day(offset)],
                ])
            }
            let due = try await client.call(.get, "/api/v1/cmdb/items?class=Drucker&due=next_maintenance&days=30", token: token)
            #expect(due.items.compactMap { $0.string("name") } == ["Drucker bald"])
            let saved = try await client.call(.post, "/api/v1/cmdb/lists", token: token, json: [
                "name": "Wartung in 30 Tagen", "filters": ["classes": ["Printer"], "due": "next_maintenance", "days": 30],
            ])
            let listID = try #require(saved.object.int("id"))
            let run = try await client.call(.get, "/api/v1/cmdb/lists/\(listID)/items", token: token)
            #expect(run.items.compactMap { $0.string("name") } == ["Drucker bald"])
            #expect(try await client.call(.post, "/api/v1/cmdb/lists", token: token, json: ["name": "wartung IN 30 tagen", "filters": [:]]).status == .conflict)

            let csv = try await client.call(.get, "/api/v1/cmdb/export?class=Drucker&sort=name", token: token)
            let lines = String(buffer: csv.raw).split(separator: "\r\n")
            #expect(lines.count == 4)
            #expect(lines.first?.hasPrefix("\u{FEFF}number,name,class,deploymentState") == true)
            #expect(lines[1].contains("Drucker bald,Drucker,Planung"))
        }
    }
}
