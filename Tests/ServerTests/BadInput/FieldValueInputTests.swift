import Foundation
import HTTPTypes
import Testing

/// Dynamic field values of the wrong type or outside their rules, for a field of every type, on create and update.
@Suite("Bad input: dynamic field values")
struct FieldValueInputTests {
    /// Field name → values it must refuse, and one it must accept.
    nonisolated(unsafe) static let values: [(field: String, bad: [Any], good: Any)] = [
        ("f_text", ["ab-12", "AB-12\n", "AB-", 12, true, ["AB-12"], "AB-12\u{7}", String(repeating: "A", count: 10_001)], "AB-12"),
        ("f_textarea", [5, false, ["a"], "a\u{1B}b", String(repeating: "a", count: 100_001)], "Zeile 1\nZeile 2\tmit Tab"),
        ("f_number", ["zwölf", "0x10", "1e400", "inf", "NaN", "1,5", -1, 101, 100.0001, true, [5], "5 Stück"], 42.5),
        ("f_date", ["2026-02-30", "2026-13-01", "27.11.2026", "2026-11-27T10:00:00Z", 20_261_127, "2026-1-1", true], "2026-11-27"),
        ("f_datetime", ["2026-11-27", "2026-11-27T10:00:00", "2026-11-27 10:00:00+01:00", "gestern", 1_790_000_000, "2026-11-31T10:00:00Z"],
         "2026-11-27T10:00:00+01:00"),
        ("f_select", ["blau", "Rot", " rot", 1, ["rot"], true], "grün"),
        ("f_multiselect", [["Mo", "Mo"], ["Sa"], "So", [1], [["Mo"]], ["Mo", true]], ["Di", "Mo"]),
        ("f_checkbox", ["ja", "yes", 2, -1, ["true"], "wahr"], true),
        ("f_contact", ["abc", 1.5, -3, 0, "0", true, ["1"], "1 2", 99_999_999_999], "CONTACT"),
        ("f_user", ["admin", 0, -1, 2.5, false, 99_999_999_999], "USER"),
        ("f_config_item", ["CI-1", 0, -1, 1.25, [1], true], 4711),
    ]

    @Test("every field type refuses wrong values with 422 naming fields.NAME, on create and on update", arguments: TestBackend.available)
    func wrongValues(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let contact = scene.contact
            for (field, bad, good) in Self.values {
                for value in bad {
                    let before = try await system.snapshot()
                    let created = try await client.call(.post, "/api/v1/tickets", token: scene.token, json: [
                        "title": "Feldtest", "queue": "Servicedesk", "fields": [field: value],
                    ])
                    expectProblem(created, .unprocessableContent, field: "fields.\(field)", "create with \(field) = \(value)")
                    let updated = try await client.call(.patch, "/api/v1/tickets/\(scene.ticket)", token: scene.token, json: ["fields": [field: value]])
                    expectProblem(updated, .unprocessableContent, field: "fields.\(field)", "update with \(field) = \(value)")
                    try await system.expectUnchanged(since: before, "\(field) = \(value)")
                }
                let value: Any = switch good as? String {
                case "CONTACT": contact
                case "USER": scene.agent
                default: good
                }
                let accepted = try await client.call(.patch, "/api/v1/tickets/\(scene.ticket)", token: scene.token, json: ["fields": [field: value]])
                #expect(accepted.status == .ok, "\(field) = \(value): \(accepted.summary)")
                #expect((accepted["fields"] as? [String: Any])?[field] != nil, "\(field) stored")
            }
            // Several wrong fields at once: each one is named.
            let several = try await client.call(.post, "/api/v1/tickets", token: scene.token, json: [
                "title": "Feldtest", "queue": "Servicedesk", "fields": ["f_number": "viel", "f_date": "gestern", "f_unbekannt": 1],
            ])
            expectProblem(several, .unprocessableContent)
            #expect(Set(several.problemFields) == ["fields.f_number", "fields.f_date", "fields.f_unbekannt"], "\(several.summary)")
        }
    }
}
