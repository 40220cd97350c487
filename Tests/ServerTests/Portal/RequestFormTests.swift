import Foundation
import HummingbirdTesting
import Testing

/// Request forms: validation on save, versions, preview.
@Suite("Request forms")
struct RequestFormTests {
    static func form(queueID: Int64, items: [[String: Any]], pattern: String = "Anfrage: {{field.software}}") -> [String: Any] {
        ["name": "Testformular", "queueId": queueID, "titlePattern": pattern, "pages": [["sections": [["heading": "A", "items": items]]]]]
    }

    @Test("forms are checked on save with field-level problems, and a bad form changes nothing", arguments: TestBackend.available)
    func validation(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            _ = try await client.call(.post, "/api/v1/fields", token: world.admin,
                                      json: ["name": "intern", "label": "Intern", "object": "ticket", "type": "text"])
            let before = try await system.count("portal_form_versions")
            let cases: [(body: [String: Any], field: String)] = [
                (Self.form(queueID: 1, items: [["field": "gibtsnicht"]]), "pages[0].sections[0].items[0].field"),
                (Self.form(queueID: 1, items: [["field": "intern"]]), "pages[0].sections[0].items[0].field"),
                (Self.form(queueID: 987_654, items: [["field": "software"]]), "queueId"),
                (Self.form(queueID: 1, items: [["field": "software"]], pattern: "{{field.nichtda}}"), "titlePattern"),
                (Self.form(queueID: 1, items: [["field": "software", "showWhen": ["field": "eilig", "values": ["true"]]], ["field": "eilig"]]),
                 "pages[0].sections[0].items[0].showWhen.field"),
                (Self.form(queueID: 1, items: [["field": "software", "showWhen": ["field": "software", "values": ["x"]]]]),
                 "pages[0].sections[0].items[0].showWhen.field"),
                (Self.form(queueID: 1, items: [["field": "tonerfarbe"], ["field": "software", "showWhen": ["field": "tonerfarbe", "values": ["Lila"]]]]),
                 "pages[0].sections[0].items[1].showWhen.values"),
                (Self.form(queueID: 1, items: [["field": "anzahl", "default": 50], ["field": "software"]]), "pages[0].sections[0].items[0].default"),
                (Self.form(queueID: 1, items: [["kind": "upload", "field": "datei"], ["field": "software"]]), "pages[0].sections[0].items[0].label"),
            ]
            for (body, field) in cases {
                let response = try await client.call(.post, "/api/v1/portal/forms", token: world.admin, json: body)
                #expect(response.status == .unprocessableContent, "\(field)")
                #expect((response.object["errors"] as? [[String: Any]])?.contains { $0.string("field") == field } == true, "\(response.object)")
            }
            #expect(try await system.count("portal_form_versions") == before)
        }
    }

    @Test("every save is a new version; tickets keep the version they were created with; a draft is previewed without a trace",
          arguments: TestBackend.available)
    func versions(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let created = try await client.call(.post, "/api/v1/portal/forms", token: world.admin,
                                                json: Self.form(queueID: 1, items: [["field": "software", "required": true]]))
            #expect(created.status == .created && created.headers[.eTag] == "\"1\"")
            let formID = try #require(created.object.int("id"))
            let category = try await client.call(.post, "/api/v1/portal/categories", token: world.admin,
                                                 json: ["titleDE": "Test", "titleEN": "Test", "formId": formID])
            let categoryID = try #require(category.object.int("id"))
            let first = try await client.call(.post, "/api/v1/portal/catalogue/\(categoryID)/requests", token: world.erika,
                                              json: ["answers": ["software": "LibreOffice"]])
            #expect(first.object.string("title") == "Anfrage: LibreOffice" && first.object.int("formVersion") == 1)

            let changed = Self.form(queueID: 1, items: [["field": "software", "required": true]], pattern: "Neu: {{field.software}}")
            #expect(try await client.call(.put, "/api/v1/portal/forms/\(formID)", token: world.admin, json: changed,
                                          headers: [.ifMatch: "\"5\""]).status == .preconditionFailed)
            let saved = try await client.call(.put, "/api/v1/portal/forms/\(formID)", token: world.admin, json: changed, headers: [.ifMatch: "\"1\""])
            #expect(saved.status == .ok && saved.headers[.eTag] == "\"2\"")
            #expect(try await client.call(.get, "/api/v1/portal/forms/\(formID)/versions/1", token: world.admin).object.string("titlePattern")
                == "Anfrage: {{field.software}}")
            let second = try await client.call(.post, "/api/v1/portal/catalogue/\(categoryID)/requests", token: world.erika,
                                               json: ["answers": ["software": "GIMP"]])
            #expect(second.object.string("title") == "Neu: GIMP" && second.object.int("formVersion") == 2)
            let old = try await client.call(.get, "/api/v1/portal/requests/\(try #require(first.object.int("ticketId")))", token: world.erika)
            #expect(old.object.int("formVersion") == 1 && old.object.string("title") == "Anfrage: LibreOffice")

            let tickets = try await system.count("tickets")
            let preview = try await client.call(.post, "/api/v1/portal/forms/preview", token: world.admin,
                                                json: ["form": changed, "answers": ["software": "Inkscape"]])
            #expect(preview.object.string("title") == "Neu: Inkscape")
            #expect(try await client.call(.post, "/api/v1/portal/forms/preview", token: world.admin,
                                          json: ["form": changed, "answers": [:]]).status == .unprocessableContent)
            #expect(try await system.count("tickets") == tickets)
            #expect(try await client.call(.get, "/api/v1/portal/forms", token: world.erika).status == .forbidden)
        }
    }
}
