import Foundation
import HTTPTypes
import Testing

/// SQL and full-text syntax in search and in stored text, and bad list parameters.
@Suite("Bad input: queries, search syntax and list parameters")
struct QueryInputTests {
    static let injections = [
        "'; DROP TABLE tickets;--", "' OR '1'='1", "\" OR \"\"=\"", "\"", "\"\"", "\"unclosed phrase", "*", "**", "a*b*", "*drucker",
        "NEAR(drucker monitor)", "NEAR(", "NEAR(a b, -1)", "drucker NOT monitor", "AND", "OR OR", ":*", "drucker:*", "monitor:*A",
        "!", "!!monitor", "&|", "& | ! ( ) <-> <1>", "a & b | !c", "(", ")", "((monitor)", "^monitor", "{title}: monitor", "title:monitor",
        "head:monitor", "body : schwarz", "-", "--", "- -", "-\"\"", "\\", "\\\"", "%", "_", "%_%", "$1", "?", "@@", "||", "::text",
        "\u{1}\u{2}\u{7F}", "monitor\u{1F}defekt", "\u{202E}rotinom", "🖥️ monitor", "ﬁnanzamt", "e\u{301}cran", "ǅ", "½", "Ⅻ",
        "\u{300}abc", "ʼmonitorʼ", "monitor'", "o'brien", "queue:\"Servicedesk", "queue:'; DROP", "owner:'", "customer:\"",
        "number:%", "created:2026-01-01", "field.f_text:'x", "state:\\", String(repeating: "ab ", count: 30),
        String(repeating: "x", count: 200), "monitor " + String(repeating: "ö", count: 200),
    ]

    @Test("search: SQL, FTS5 and tsquery syntax is searched as words, never run, never a 5xx", arguments: TestBackend.available)
    func searchSyntax(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let before = try await system.snapshot()
            for query in Self.injections {
                for extra in ["", "&sort=-relevance", "&sort=title&limit=1"] {
                    let response = try await client.call(.get, "/api/v1/tickets?q=\(encode(query))\(extra)", token: scene.token)
                    #expect(response.status == .ok, "q=\(query.debugDescription)\(extra): \(response.summary)")
                    #expect(response.items.allSatisfy { [scene.ticket, scene.other].contains($0.int("id") ?? 0) })
                }
            }
            // The words in them still count: a phrase with SQL around it finds the ticket it names.
            let found = try await client.call(.get, "/api/v1/tickets?q=\(encode("'; monitor --"))", token: scene.token)
            #expect(found.items.compactMap { $0.int("id") } == [scene.ticket])
            let excluded = try await client.call(.get, "/api/v1/tickets?q=\(encode("-monitor' OR 1=1"))", token: scene.token)
            #expect(!excluded.items.contains { $0.int("id") == scene.ticket })
            try await system.expectUnchanged(since: before, "searches")

            // NUL is refused in every query parameter, as in every body.
            for query in ["monitor\u{0}defekt", "\u{0}"] {
                let response = try await client.call(.get, "/api/v1/tickets?q=\(encode(query))", token: scene.token)
                expectProblem(response, .unprocessableContent, field: "q", "q=\(query.debugDescription)")
            }

            // Only the limits make a query invalid, and they say so.
            let tooLong: [(String, String)] = [
                (String(repeating: "x", count: 201), "word"), (String(repeating: "a ", count: 501), "1000"),
                ((1...33).map { "w\($0)" }.joined(separator: " "), "32"), ((1...17).map { "queue:q\($0)" }.joined(separator: " "), "16"),
                ("created:2026-02-30", "created"), ("created:gestern", "created"), ("created:2026-01-01..", "created"),
                ("field.unbekannt:1", "field"),
            ]
            for (query, hint) in tooLong {
                let response = try await client.call(.get, "/api/v1/tickets?q=\(encode(query))", token: scene.token)
                expectProblem(response, .unprocessableContent, "q=\(query.prefix(40))")
                #expect(response.problemFields.contains { $0 == "q" || $0.hasPrefix("field.") }, "\(response.summary)")
                #expect(response.problemDetail?.contains(hint) == true || hint == "field" || hint == "created", "\(response.summary)")
            }
        }
    }

    @Test("SQL and search syntax in every stored text comes back verbatim and breaks nothing", arguments: TestBackend.available)
    func storedText(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            let nasty = "Robert'); DROP TABLE tickets;-- \"NEAR(*)\" :* !&| <-> %_\\ ${x} ''"
            // File names lose everything up to the last slash or backslash.
            let fileName = "Robert'); DROP TABLE tickets;-- \"NEAR(*)\" :* !&| <-> %_ ${x} ''.txt"
            let created = try await client.call(.post, "/api/v1/tickets", token: scene.token, json: [
                "title": nasty, "queue": "Servicedesk",
                "article": ["subject": nasty, "body": nasty, "from": nasty, "attachments": [["filename": fileName, "contentBase64": "aGFsbG8="]]],
                "fields": ["f_textarea": nasty, "f_select": "rot"],
            ])
            #expect(created.status == .created, "\(created.summary)")
            let id = try #require(created.object.int("id"))
            #expect(created.object.string("title") == nasty)
            #expect((created["fields"] as? [String: [String: Any]])?["f_textarea"]?["value"] as? String == nasty)
            let article = try await client.call(.get, "/api/v1/tickets/\(id)/articles", token: scene.token).items.first
            #expect(article?.string("subject") == nasty && article?.string("bodyText") == nasty && article?.string("from") == nasty)
            let attachment = try await client.call(.get, "/api/v1/tickets/\(id)/attachments", token: scene.token).items.first
            #expect(attachment?.string("filename") == fileName)
            let download = try await client.call(.get, "/api/v1/attachments/\(attachment?.int("id") ?? 0)", token: scene.token)
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition]?.contains("\n") == false)

            let queue = try await client.call(.post, "/api/v1/queues", token: scene.token, json: ["name": nasty, "comment": nasty])
            #expect(queue.status == .created && queue.object.string("name") == nasty)
            let contact = try await client.call(.post, "/api/v1/contacts", token: scene.token, json: ["lastName": "%_\\" + nasty, "firstName": nasty])
            #expect(contact.status == .created && contact.object.string("firstName") == nasty)
            let organisation = try await client.call(.post, "/api/v1/organisations", token: scene.token, json: ["name": nasty])
            #expect(organisation.status == .created && organisation.object.string("name") == nasty)
            let field = try await client.call(.post, "/api/v1/fields", token: scene.token, json: [
                "name": "f_nasty", "label": nasty, "object": "ticket", "type": "select", "options": [nasty, "'"],
            ])
            #expect(field.status == .created && field.object.string("label") == nasty)
            let role = try await client.call(.post, "/api/v1/roles", token: scene.token, json: ["name": nasty, "comment": nasty, "queues": [:] as [String: Any]])
            #expect(role.status == .created)
            let token = try await client.call(.post, "/api/v1/tokens", token: scene.token, json: ["name": nasty])
            #expect(token.status == .created)
            let signIn = try await client.call(.post, "/api/v1/sessions", token: nil, json: ["login": "admin' --", "password": "' OR '1'='1"])
            expectProblem(signIn, .unauthorized)

            // Searching for it finds exactly that ticket; LIKE wildcards in a prefix are literal.
            let search = try await client.call(.get, "/api/v1/tickets?q=\(encode(nasty))", token: scene.token)
            #expect(search.items.compactMap { $0.int("id") } == [id], "\(search.summary)")
            let byField = try await client.call(.get, "/api/v1/tickets?field.f_textarea=\(encode(nasty))", token: scene.token)
            #expect(byField.items.compactMap { $0.int("id") } == [id], "\(byField.summary)")
            let bySelect = try await client.call(.get, "/api/v1/tickets?q=\(encode("field.f_select:rot"))", token: scene.token)
            #expect(bySelect.items.compactMap { $0.int("id") } == [id])
            for (prefix, expected) in [("%", 1), ("_", 0), ("%_\\", 1), ("\\", 0), ("k", 1), ("'", 0)] {
                let contacts = try await client.call(.get, "/api/v1/contacts?prefix=\(encode(prefix))", token: scene.token)
                #expect(contacts.status == .ok)
                #expect(contacts.items.count == expected, "prefix \(prefix): \(contacts.items.compactMap { $0.string("lastName") })")
            }
            #expect(try await system.count("tickets") == 3)
            #expect(try await system.count("queues") == 9)
        }
    }

    @Test("bad cursors, limits, sorts and filters: 422 naming the parameter", arguments: TestBackend.available)
    func listParameters(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let scene = try await BadInputScene.build(system, client)
            func cursor(_ raw: String) -> String {
                Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "")
            }
            // A real cursor for sorting by title, to replay with other sorts.
            let titlePage = try await client.call(.get, "/api/v1/tickets?sort=title&limit=1", token: scene.token)
            let titleCursor = try #require(titlePage.object.string("next"))
            let idPage = try await client.call(.get, "/api/v1/tickets?sort=id&limit=1", token: scene.token)
            let idCursor = try #require(idPage.object.string("next"))
            let cases: [(String, String)] = [
                ("cursor=", "cursor"), ("cursor=!!!", "cursor"), ("cursor=abc", "cursor"), ("cursor=\(cursor("x1"))", "cursor"),
                ("cursor=\(cursor("k1"))", "cursor"), ("cursor=\(cursor("kabc:1"))", "cursor"), ("cursor=\(cursor("k1:2:3"))", "cursor"),
                ("cursor=\(cursor("t:"))", "cursor"), ("cursor=\(cursor("tabc:x"))", "cursor"), ("cursor=\(cursor("o-1"))", "cursor"),
                ("cursor=\(cursor("o99999999999999999999"))", "cursor"), ("cursor=\(cursor("k99999999999999999999:1"))", "cursor"),
                ("cursor=" + String(repeating: "A", count: 2004), "cursor"), ("cursor=%FF%FE", "cursor"),
                ("cursor=\(cursor("t1:'; DROP TABLE tickets;--"))", "cursor"),
                // A cursor belongs to the order it was made for.
                ("sort=id&cursor=\(titleCursor)", "cursor"), ("sort=created&cursor=\(titleCursor)", "cursor"),
                ("sort=priority&cursor=\(titleCursor)", "cursor"), ("sort=title&cursor=\(idCursor)", "cursor"),
                ("sort=number&cursor=\(idCursor)", "cursor"), ("q=monitor&cursor=\(idCursor)", "cursor"),
                ("q=monitor&cursor=\(titleCursor)", "cursor"), ("sort=id&cursor=\(cursor("o1"))", "cursor"),
                ("limit=0", "limit"), ("limit=1001", "limit"), ("limit=-1", "limit"), ("limit=abc", "limit"), ("limit=1.5", "limit"),
                ("limit=", "limit"), ("limit=99999999999999999999", "limit"), ("limit=%00", "limit"),
                ("sort=bogus", "sort"), ("sort=-", "sort"), ("sort=ID", "sort"), ("sort=title;DROP", "sort"), ("sort=", "sort"),
                ("sort=%00", "sort"), ("queueId=abc", "queueId"), ("queueId=1.5", "queueId"), ("stateId=", "stateId"),
                ("priorityId=x", "priorityId"), ("ownerId=me", "ownerId"), ("stateType=geschlossen", "stateType"),
                ("stateType=", "stateType"), ("field.unbekannt=1", "field.unbekannt"), ("field.=1", "field."),
            ]
            for (query, field) in cases {
                let response = try await client.call(.get, "/api/v1/tickets?\(query)", token: scene.token)
                expectProblem(response, .unprocessableContent, field: field, "?\(query.prefix(80))")
            }
            // Valid extremes are fine.
            for query in ["limit=1", "limit=1000", "sort=-id", "sort=pendingUntil", "queueId=99999999999", "ownerId=-1", "sort=title&cursor=\(titleCursor)"] {
                let response = try await client.call(.get, "/api/v1/tickets?\(query)", token: scene.token)
                #expect(response.status == .ok, "?\(query): \(response.summary)")
            }
            for path in ["/api/v1/events", "/api/v1/users", "/api/v1/contacts", "/api/v1/organisations"] {
                for limit in ["0", "1001", "-1", "abc", "99999999999999999999"] {
                    let response = try await client.call(.get, "\(path)?limit=\(limit)", token: scene.token)
                    expectProblem(response, .unprocessableContent, field: "limit", "\(path)?limit=\(limit)")
                }
                let after = try await client.call(.get, "\(path)?after=abc", token: scene.token)
                expectProblem(after, .unprocessableContent, field: "after", "\(path)?after=abc")
            }
            let object = try await client.call(.get, "/api/v1/fields?object=planet", token: scene.token)
            expectProblem(object, .unprocessableContent, field: "object")
            let organisation = try await client.call(.get, "/api/v1/contacts?organisationId=x", token: scene.token)
            expectProblem(organisation, .unprocessableContent, field: "organisationId")
        }
    }
}
