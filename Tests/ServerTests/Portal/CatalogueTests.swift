import Foundation
import HummingbirdTesting
import Services
import Testing

/// The catalogue: visibility per audience, search across titles, descriptions and keywords, administration.
@Suite("Portal catalogue")
struct CatalogueTests {
    @Test("citizens see only public categories, customers those of their audience; search ignores case and accents", arguments: TestBackend.available)
    func visibilityAndSearch(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let anonymous = try await client.call(.get, "/api/v1/portal/catalogue", token: nil)
            #expect(Set(anonymous.items.compactMap { $0.string("titleDE") }) == ["Bürgeranliegen", "Straßenschaden melden", "Allgemeines Anliegen"])
            let customer = try await client.call(.get, "/api/v1/portal/catalogue", token: world.erika)
            #expect(customer.items.count == 12)
            #expect(try await client.call(.get, "/api/v1/portal/catalogue?q=STRASSE", token: nil).items.compactMap { $0.string("titleDE") } == ["Straßenschaden melden"])
            #expect(try await client.call(.get, "/api/v1/portal/catalogue?q=kartusche", token: world.erika).items.compactMap { $0.string("titleDE") } == ["Toner bestellen"])
            #expect(try await client.call(.get, "/api/v1/portal/catalogue?q=toner", token: nil).items.isEmpty)
            let toner = try await world.category("Toner bestellen")
            #expect(try await client.call(.get, "/api/v1/portal/catalogue/\(toner)", token: nil).status == .notFound)
            let entry = try await client.call(.get, "/api/v1/portal/catalogue/\(toner)", token: world.erika)
            let form = try #require(entry.object["form"] as? [String: Any])
            let html = ((form["pages"] as? [[String: Any]])?.first?["sections"] as? [[String: Any]])?.first?.string("html")
            #expect(html?.contains("<strong>HP LaserJet M404</strong>") == true && html?.contains("<ul><li>") == true)

            // Restricted to the Kämmerei: Erika (Ordnungsamt) sees it neither in the list nor by search nor by id.
            let secret = try await client.call(.post, "/api/v1/portal/categories", token: world.admin, json: [
                "titleDE": "Haushaltssoftware", "titleEN": "Budget software", "keywords": ["Kasse"],
                "visibility": "organisations", "organisationIds": [world.kaemmereiID],
            ])
            #expect(secret.status == .created && secret.headers[.eTag] == "\"1\"")
            let secretID = try #require(secret.object.int("id"))
            #expect(try await client.call(.get, "/api/v1/portal/catalogue?q=kasse", token: world.paula).items.count == 1)
            #expect(try await client.call(.get, "/api/v1/portal/catalogue?q=kasse", token: world.erika).items.isEmpty)
            #expect(try await client.call(.get, "/api/v1/portal/catalogue/\(secretID)", token: world.erika).status == .notFound)

            // Deactivating hides it from everyone but administrators; a stale If-Match changes nothing.
            let stale = try await client.call(.patch, "/api/v1/portal/categories/\(secretID)", token: world.admin, json: ["isActive": false],
                                              headers: [.ifMatch: "\"7\""])
            #expect(stale.status == .preconditionFailed)
            let hidden = try await client.call(.patch, "/api/v1/portal/categories/\(secretID)", token: world.admin, json: ["isActive": false],
                                               headers: [.ifMatch: "\"1\""])
            #expect(hidden.status == .ok && hidden.headers[.eTag] == "\"2\"")
            #expect(try await client.call(.get, "/api/v1/portal/catalogue?q=kasse", token: world.paula).items.isEmpty)
        }
    }

    @Test("bad categories are refused and change nothing; the demo seeds once", arguments: TestBackend.available)
    func badInput(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let world = try await PortalWorld.make(system, client)
            let before = try await system.count("portal_categories")
            let bad: [[String: Any]] = [
                ["titleDE": " ", "titleEN": "x"],
                ["titleDE": "x", "titleEN": "x", "visibility": "organisations"],
                ["titleDE": "x", "titleEN": "x", "parentId": 987_654],
                ["titleDE": "x", "titleEN": "x", "formId": 987_654],
                ["titleDE": "x", "titleEN": "x", "icon": "<script>"],
                ["titleDE": "x", "titleEN": "x", "visibility": "martians"],
            ]
            for body in bad {
                let response = try await client.call(.post, "/api/v1/portal/categories", token: world.admin, json: body)
                #expect(response.status == .unprocessableContent, "\(body)")
            }
            let hardware = try await world.category("Hardware")
            let printers = try await world.category("Drucker")
            #expect(try await client.call(.patch, "/api/v1/portal/categories/\(hardware)", token: world.admin, json: ["parentId": printers]).status
                == .unprocessableContent)
            #expect(try await client.call(.post, "/api/v1/portal/categories", token: world.erika, json: ["titleDE": "x", "titleEN": "x"]).status == .forbidden)
            #expect(try await system.count("portal_categories") == before)
            #expect(try await DemoCatalogue(context: system.services.context, masterData: MasterDataCache()).seedIfAbsent() == false)
            #expect(try await system.count("portal_categories") == before)
        }
    }
}
