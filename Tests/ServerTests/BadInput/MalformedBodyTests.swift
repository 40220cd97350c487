import Foundation
import HTTPTypes
import Testing

/// Bodies that are not JSON, not UTF-8, not the right shape, too large, or carry NUL characters: every one is a
/// 4xx problem that says what is wrong, and none changes anything.
@Suite("Bad input: malformed bodies")
struct MalformedBodyTests {
    /// Bodies no endpoint accepts, with a name for failure messages.
    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("truncated", Array(#"{"title": "Drucker", "queue": "#.utf8)),
        ("unquoted key", Array(#"{title: "Drucker"}"#.utf8)),
        ("single quotes", Array("{'title': 'Drucker'}".utf8)),
        ("trailing garbage", Array(#"{"title": "Drucker"} x"#.utf8)),
        ("two objects", Array(#"{"title": "a"}{"title": "b"}"#.utf8)),
        ("comment", Array("/* */ {}".utf8)),
        ("NaN", Array(#"{"minutes": NaN}"#.utf8)),
        ("bad escape", Array(#"{"title": "\x41"}"#.utf8)),
        ("raw control character", Array("{\"title\": \"a\u{01}b\"}".utf8)),
        ("array", Array("[]".utf8)),
        ("array of objects", Array(#"[{"title": "Drucker", "queue": "Servicedesk"}]"#.utf8)),
        ("string", Array(#""Drucker""#.utf8)),
        ("number", Array("42".utf8)),
        ("null", Array("null".utf8)),
        ("boolean", Array("true".utf8)),
        ("form encoded", Array("title=Drucker&queue=Servicedesk".utf8)),
        ("XML", Array("<ticket><title>Drucker</title></ticket>".utf8)),
        ("invalid UTF-8", [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]),
        ("overlong UTF-8", Array(#"{"title": ""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)),
        ("UTF-16", Array(#"{"title": "Drucker"}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        ("deep nesting", Array(String(repeating: "[", count: 100_000).utf8)),
        ("deep nesting, closed", Array((String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)).utf8)),
    ]

    @Test("malformed JSON, wrong shapes and non-UTF-8 bodies: 422 with field 'body' on every endpoint", arguments: TestBackend.available)
    func malformedBodies(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let before = try await system.snapshot()
            for endpoint in WriteEndpoint.all {
                for (name, bytes) in Self.malformed {
                    let response = try await client.call(endpoint.method, endpoint.path(scene), token: scene.token, raw: bytes,
                                                         headers: [.contentType: "application/json"])
                    expectProblem(response, .unprocessableContent, field: "body", "\(endpoint) with \(name)")
                }
            }
            try await system.expectUnchanged(since: before, "malformed bodies")
        }
    }

    /// Foundation's decoder does not say where a fractional or oversized number met a whole-number field,
    /// so those problems name the body.
    static let unplacedNumber = "body"

    @Test("wrong types and missing keys: 422 naming the field", arguments: TestBackend.available)
    func wrongTypesAndMissingKeys(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let (t, other) = (scene.ticket, scene.other)
            let ticket: [String: Any] = ["title": "Drucker", "queue": "Servicedesk"]
            func with(_ base: [String: Any], _ changes: [String: Any]) -> [String: Any] { base.merging(changes) { $1 } }
            let cases: [(HTTPRequest.Method, String, [String: Any], String)] = [
                (.post, "/api/v1/tickets", [:], "title"),
                (.post, "/api/v1/tickets", ["title": "Drucker"], "queue"),
                (.post, "/api/v1/tickets", with(ticket, ["title": 5]), "title"),
                (.post, "/api/v1/tickets", with(ticket, ["title": NSNull()]), "title"),
                (.post, "/api/v1/tickets", with(ticket, ["queue": ["Servicedesk"]]), "queue"),
                (.post, "/api/v1/tickets", with(ticket, ["queueId": "1"]), "queueId"),
                (.post, "/api/v1/tickets", with(ticket, ["queueId": 1.5]), Self.unplacedNumber),
                (.post, "/api/v1/tickets", with(ticket, ["queueId": 1e30]), Self.unplacedNumber),
                (.post, "/api/v1/tickets", with(ticket, ["ownerId": true]), "ownerId"),
                (.post, "/api/v1/tickets", with(ticket, ["customer": ["kim@stadtkasse.example"]]), "customer"),
                (.post, "/api/v1/tickets", with(ticket, ["pendingUntil": "morgen früh"]), "pendingUntil"),
                (.post, "/api/v1/tickets", with(ticket, ["pendingUntil": 1_790_000_000]), "pendingUntil"),
                (.post, "/api/v1/tickets", with(ticket, ["fields": ["f_text", "AB-1"]]), "fields"),
                (.post, "/api/v1/tickets", with(ticket, ["fields": ["f_text": ["nested": "object"]]]), "fields.f_text"),
                (.post, "/api/v1/tickets", with(ticket, ["article": "Text"]), "article"),
                (.post, "/api/v1/tickets", with(ticket, ["article": [:] as [String: Any]]), "article.body"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": 5]]), "article.body"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "customerVisible": "ja"]]), "article.customerVisible"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "attachments": ["filename": "a"]]]), "article.attachments"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "attachments": [["filename": "a.txt"]]]]), "article.attachments[0].contentBase64"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "attachments": [["filename": "a.txt", "contentBase64": "a"]]]]),
                 "article.attachments[0].contentBase64"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "contentType": "application/pdf"]]), "article.contentType"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "channel": "fax"]]), "article.channel"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "timeMinutes": 100_000]]), "article.timeMinutes"),
                (.post, "/api/v1/tickets", with(ticket, ["article": ["body": "x", "subject": "Zeile 1\nZeile 2"]]), "article.subject"),
                (.post, "/api/v1/tickets", with(ticket, ["customer": "kein-mailadresse"]), "customer"),
                (.post, "/api/v1/tickets", with(ticket, ["title": String(repeating: "x", count: 501)]), "title"),
                (.post, "/api/v1/tickets", with(ticket, ["title": " \n\t "]), "title"),
                (.patch, "/api/v1/tickets/\(t)", ["ownerId": "1"], "ownerId"),
                (.patch, "/api/v1/tickets/\(t)", ["title": ""], "title"),
                (.patch, "/api/v1/tickets/\(t)", ["type": 5], "type"),
                (.patch, "/api/v1/tickets/\(t)", ["pendingUntil": "2026-13-01T00:00:00Z"], "pendingUntil"),
                (.patch, "/api/v1/tickets/\(t)", ["state": "warten auf Rückmeldung"], "pendingUntil"),
                (.patch, "/api/v1/tickets/\(t)", ["state": "zusammengefasst"], "state"),
                (.patch, "/api/v1/tickets/\(t)", ["fields": "f_text=AB-1"], "fields"),
                (.post, "/api/v1/tickets/\(t)/articles", [:], "body"),
                (.post, "/api/v1/tickets/\(t)/articles", ["body": ["Text"]], "body"),
                (.post, "/api/v1/tickets/\(t)/articles", ["body": "   "], "body"),
                (.post, "/api/v1/tickets/\(t)/articles", ["body": "x", "contentType": "image/png"], "contentType"),
                (.post, "/api/v1/tickets/\(t)/articles", ["body": "x", "attachments": [["filename": "/", "contentBase64": ""]]], "attachments[0].filename"),
                (.post, "/api/v1/tickets/\(t)/links", ["targetId": other], "type"),
                (.post, "/api/v1/tickets/\(t)/links", ["type": "relates"], "targetId"),
                (.post, "/api/v1/tickets/\(t)/links", ["type": "befreundet", "targetId": other], "type"),
                (.post, "/api/v1/tickets/\(t)/links", ["type": "relates", "targetId": "\(other)"], "targetId"),
                (.post, "/api/v1/tickets/\(t)/links", ["type": "relates", "targetId": t], "targetId"),
                (.post, "/api/v1/tickets/\(t)/links", ["type": "relates", "targetId": 1, "targetObject": "printer"], "targetObject"),
                (.post, "/api/v1/tickets/\(t)/merge", [:], "targetId"),
                (.post, "/api/v1/tickets/\(t)/merge", ["targetId": [other]], "targetId"),
                (.post, "/api/v1/tickets/\(t)/merge", ["targetId": t], "targetId"),
                (.post, "/api/v1/tickets/\(t)/watchers", ["userId": "ich"], "userId"),
                (.post, "/api/v1/tickets/\(t)/time-entries", [:], "minutes"),
                (.post, "/api/v1/tickets/\(t)/time-entries", ["minutes": "15"], "minutes"),
                (.post, "/api/v1/tickets/\(t)/time-entries", ["minutes": 1.5], Self.unplacedNumber),
                (.post, "/api/v1/tickets/\(t)/time-entries", ["minutes": 0], "minutes"),
                (.post, "/api/v1/tickets/\(t)/time-entries", ["minutes": 15, "note": 7], "note"),
                (.post, "/api/v1/queues", [:], "name"),
                (.post, "/api/v1/queues", ["name": 5], "name"),
                (.post, "/api/v1/queues", ["name": "Neu", "parentId": "eins"], "parentId"),
                (.post, "/api/v1/queues", ["name": "Neu", "followUpPolicy": "ignorieren"], "followUpPolicy"),
                (.post, "/api/v1/queues", ["name": "Neu", "systemAddress": "keine adresse"], "systemAddress"),
                (.post, "/api/v1/queues", ["name": "Neu", "isActive": "ja"], "isActive"),
                (.patch, "/api/v1/queues/\(scene.queue)", ["name": ""], "name"),
                (.patch, "/api/v1/queues/\(scene.queue)", ["comment": ["a"]], "comment"),
                (.post, "/api/v1/states", ["name": "Neu", "type": "vielleicht"], "type"),
                (.post, "/api/v1/priorities", ["name": "Neu", "rank": "hoch"], "rank"),
                (.post, "/api/v1/priorities", ["name": "Neu", "rank": 0], "rank"),
                (.post, "/api/v1/priorities", ["name": "Neu", "rank": 99_999_999_999_999_999_999.0], Self.unplacedNumber),
                (.post, "/api/v1/users", [:], "login"),
                (.post, "/api/v1/users", ["login": 5], "login"),
                (.post, "/api/v1/users", ["login": "mit leerzeichen"], "login"),
                (.post, "/api/v1/users", ["login": "kurz", "password": "kurz"], "password"),
                (.post, "/api/v1/users", ["login": "lang", "password": String(repeating: "ü", count: 40)], "password"),
                (.post, "/api/v1/users", ["login": "neu", "roleIds": "1"], "roleIds"),
                (.post, "/api/v1/users", ["login": "neu", "locale": "fr"], "locale"),
                (.post, "/api/v1/users", ["login": "neu", "email": "nicht@"], "email"),
                (.post, "/api/v1/users", ["login": "neu", "isCustomer": true], "contactId"),
                (.post, "/api/v1/roles", ["name": "Neu"], "queues"),
                (.post, "/api/v1/roles", ["name": "Neu", "queues": ["1"]], "queues"),
                (.post, "/api/v1/roles", ["name": "Neu", "queues": ["abc": ["read"]]], "queues"),
                (.post, "/api/v1/roles", ["name": "Neu", "queues": [String(scene.queue): "read"]], "queues.\(scene.queue)"),
                (.post, "/api/v1/roles", ["name": "Neu", "queues": [String(scene.queue): ["fliegen"]]], "queues.\(scene.queue)"),
                (.post, "/api/v1/contacts", [:], "lastName"),
                (.post, "/api/v1/contacts", ["lastName": "Neu", "emails": "a@b.example"], "emails"),
                (.post, "/api/v1/contacts", ["lastName": "Neu", "emails": ["a@b.example", "A@B.example"]], "emails"),
                (.post, "/api/v1/contacts", ["lastName": "Neu", "phones": ["+49\n30"]], "phones"),
                (.post, "/api/v1/organisations", [:], "name"),
                (.post, "/api/v1/organisations", ["name": "Neu", "mailDomains": "a.example"], "mailDomains"),
                (.post, "/api/v1/organisations", ["name": "Neu", "mailDomains": ["kein domain"]], "mailDomains"),
                (.put, "/api/v1/organisations/\(scene.organisation)", ["name": "Stadtkasse", "parentId": scene.organisation], "parentId"),
                (.post, "/api/v1/fields", ["name": "f_x"], "label"),
                (.post, "/api/v1/fields", ["name": "f_x", "label": "X", "object": "ticket", "type": "farbe"], "type"),
                (.post, "/api/v1/fields", ["name": "f_x", "label": "X", "object": "planet", "type": "text"], "object"),
                (.post, "/api/v1/fields", ["name": "F X", "label": "X", "object": "ticket", "type": "text"], "name"),
                (.post, "/api/v1/fields", ["name": "f_x", "label": "X", "object": "ticket", "type": "text", "regex": "(["], "regex"),
                (.post, "/api/v1/fields", ["name": "f_x", "label": "X", "object": "ticket", "type": "select"], "options"),
                (.post, "/api/v1/fields", ["name": "f_x", "label": "X", "object": "ticket", "type": "number", "minimum": 5, "maximum": 1], "maximum"),
                (.patch, "/api/v1/fields/f_number", ["required": "ja"], "required"),
                (.patch, "/api/v1/fields/f_text", ["regex": "(["], "regex"),
                (.post, "/api/v1/sessions", ["password": "x"], "login"),
                (.post, "/api/v1/sessions", ["login": 5, "password": "x"], "login"),
                (.post, "/api/v1/tokens", [:], "name"),
                (.post, "/api/v1/tokens", ["name": ""], "name"),
                (.post, "/api/v1/tokens", ["name": String(repeating: "t", count: 201)], "name"),
                (.post, "/api/v1/me/password", ["newPassword": 12_345_678], "newPassword"),
                (.post, "/api/v1/me/password", ["newPassword": "kurz"], "password"),
            ]
            for (method, path, body, field) in cases {
                let before = try await system.snapshot()
                let response = try await client.call(method, path, token: scene.token, json: body)
                expectProblem(response, .unprocessableContent, field: field, "\(method) \(path) \(body)")
                try await system.expectUnchanged(since: before, "\(method) \(path) \(body)")
            }
        }
    }

    @Test("NUL characters in any text are refused alike on both databases", arguments: TestBackend.available)
    func nulCharacters(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let nul = "Dru\u{0}cker"
            let cases: [(HTTPRequest.Method, String, [String: Any], String)] = [
                (.post, "/api/v1/tickets", ["title": nul, "queue": "Servicedesk"], "title"),
                (.post, "/api/v1/tickets", ["title": "Drucker", "queue": "Servicedesk", "article": ["body": nul]], "article.body"),
                (.post, "/api/v1/tickets", ["title": "Drucker", "queue": nul], "queue"),
                (.post, "/api/v1/tickets", ["title": "Drucker", "queue": "Servicedesk", "fields": ["f_textarea": nul]], "fields.f_textarea"),
                (.post, "/api/v1/tickets", ["title": "Drucker", "queue": "Servicedesk", "fields": ["f_multiselect": ["Mo", nul]]], "fields.f_multiselect[1]"),
                (.patch, "/api/v1/tickets/\(scene.ticket)", ["title": nul], "title"),
                (.post, "/api/v1/tickets/\(scene.ticket)/articles", ["body": "Text", "subject": "a", "to": nul], "to"),
                (.post, "/api/v1/queues", ["name": nul], "name"),
                (.post, "/api/v1/contacts", ["lastName": nul], "lastName"),
                (.post, "/api/v1/organisations", ["name": nul], "name"),
                (.post, "/api/v1/users", ["login": "neu", "firstName": nul], "firstName"),
                (.post, "/api/v1/fields", ["name": "f_x", "label": nul, "object": "ticket", "type": "text"], "label"),
                (.post, "/api/v1/roles", ["name": nul, "queues": [:] as [String: Any]], "name"),
                (.post, "/api/v1/tokens", ["name": nul], "name"),
                (.post, "/api/v1/sessions", ["login": "admin\u{0}", "password": "admin-password"], "login"),
                (.post, "/api/v1/tickets", [nul: "x", "title": "Drucker", "queue": "Servicedesk"], "body"),
            ]
            for (method, path, body, field) in cases {
                let before = try await system.snapshot()
                let response = try await client.call(method, path, token: scene.token, json: body)
                expectProblem(response, .unprocessableContent, field: field, "\(method) \(path) with NUL in \(field)")
                try await system.expectUnchanged(since: before, "\(method) \(path) with NUL")
            }
            // Query parameters too, and cursors that decode to text with NUL (`t1:` + NUL).
            for (query, field) in [("q=Dru%00cker", "q"), ("field.f_text=AB%00", "field.f_text"), ("cursor=dDE6AA", "cursor"),
                                   ("sort=title&cursor=dDE6AA", "cursor")] {
                let response = try await client.call(.get, "/api/v1/tickets?\(query)", token: scene.token)
                expectProblem(response, .unprocessableContent, field: field, "?\(query)")
            }
            let contacts = try await client.call(.get, "/api/v1/contacts?prefix=K%00", token: scene.token)
            expectProblem(contacts, .unprocessableContent, field: "prefix")
        }
    }

    @Test("bodies over 32 MiB: 413, nothing stored", arguments: TestBackend.available)
    func oversizeBodies(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let prefix = Array(#"{"title": "Groß", "queue": "Servicedesk", "body": ""#.utf8)
            let huge = prefix + [UInt8](repeating: UInt8(ascii: "a"), count: 32 * 1024 * 1024 + 1 - prefix.count) + Array(#""}"#.utf8)
            let before = try await system.snapshot()
            for path in ["/api/v1/tickets", "/api/v1/tickets/\(scene.ticket)/articles", "/api/v1/queues"] {
                let response = try await client.call(.post, path, token: scene.token, raw: huge, headers: [.contentType: "application/json"])
                expectProblem(response, .contentTooLarge, "POST \(path)")
                #expect(response.problemDetail?.contains("32") == true, "\(response.summary)")
            }
            try await system.expectUnchanged(since: before, "oversize bodies")
            // Just below the limit the body is read (and then judged on its content).
            let body = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_001)
            let long = try await client.call(.post, "/api/v1/tickets/\(scene.ticket)/articles", token: scene.token,
                                             json: ["body": String(decoding: body, as: UTF8.self)])
            expectProblem(long, .contentTooLarge, "an article body over 1,000,000 characters")
            try await system.expectUnchanged(since: before, "an oversize article")
        }
    }
}
