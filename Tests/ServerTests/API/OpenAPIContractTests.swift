import Foundation
import HTTPTypes
import NIOCore
import Testing
import Web

@Suite("The OpenAPI document agrees with the server")
struct OpenAPIContractTests {
    @Test("every route the router serves is documented, and every documented operation is routed")
    func routesAreDocumented() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let api = try await ContractClient(client: client)
            // The web interface's pages are HTML for browsers, not part of the REST API's contract.
            let pages = ["/agent", "/admin", "/portal", "/static"]
            let routed = Set(try buildRouter(services: system.services).routes
                .filter { route in route.path.description != "/" && !pages.contains { route.path.description.hasPrefix($0) } }
                .map { "\($0.method.rawValue) \($0.path)" })
            let documented = Set(api.contract.operations.map(\.description))
            #expect(routed.subtracting(documented).sorted() == [], "routed but not documented")
            #expect(documented.subtracting(routed).sorted() == [], "documented but not routed")
        }
    }

    @Test("every documented operation is reachable and answers as documented, even to an empty request")
    func documentedOperationsAnswer() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let api = try await ContractClient(client: client)
            let routerNotFound = try await client.call(.get, "/api/v1/__no_such_route__", token: system.adminToken)
            #expect(routerNotFound.status == .notFound)
            for operation in api.contract.operations {
                // Ids that name nothing, so that no operation changes anything that exists.
                let uri = operation.path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "987654321", options: .regularExpression)
                let body: Any? = api.contract.definition(of: operation)?["requestBody"] != nil ? [String: Any]() : nil
                let method = try #require(HTTPRequest.Method(operation.method))
                let response = try await api.call(method, uri, token: system.adminToken, json: body)
                #expect(
                    !(response.status == .notFound && response.problemDetail == routerNotFound.problemDetail),
                    "\(operation) is not routed: \(response.summary)"
                )
            }
        }
    }

    @Test("the document uses only the JSON Schema keywords and formats the contract check understands")
    func documentStaysWithinTheCheckedSubset() async throws {
        try await TestSystem.run(.sqlite) { _, client in
            let api = try await ContractClient(client: client)
            #expect(api.contract.document["openapi"]?.stringValue?.hasPrefix("3.1") == true)
            #expect(api.contract.document["servers"]?.arrayValue?.first?["url"] == .string("/"))
            #expect(api.contract.unsupportedSchemaKeywords() == [])
        }
    }

    @Test("the contract check rejects responses that disagree with the document")
    func contractCheckCanFail() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let api = try await ContractClient(client: client)
            let created = try await api.call(.post, "/api/v1/tickets", token: system.adminToken,
                                             json: ["title": "Monitor flackert", "queue": "Servicedesk"])
            let contract = api.contract
            #expect(contract.violations(of: created, to: .post, "/api/v1/tickets") == [])

            func edited(_ change: (inout [String: Any]) -> Void) throws -> JSONResponse {
                var body = created.object
                change(&body)
                let raw = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
                return JSONResponse(status: created.status, headers: created.headers, body: body, raw: raw)
            }
            let missing = try edited { $0["number"] = nil }
            #expect(contract.violations(of: missing, to: .post, "/api/v1/tickets").contains { $0.contains("'number' is missing") })
            let undocumented = try edited { $0["colour"] = "red" }
            #expect(contract.violations(of: undocumented, to: .post, "/api/v1/tickets").contains { $0.contains("'colour' is not documented") })
            let wrongType = try edited { $0["version"] = "1" }
            #expect(contract.violations(of: wrongType, to: .post, "/api/v1/tickets").contains { $0.contains("$.version: expected integer") })
            let badEnum = try edited { $0["stateType"] = "finished" }
            #expect(contract.violations(of: badEnum, to: .post, "/api/v1/tickets").contains { $0.contains("$.stateType") })
            let badDate = try edited { $0["createdAt"] = "yesterday" }
            #expect(contract.violations(of: badDate, to: .post, "/api/v1/tickets").contains { $0.contains("not a date-time") })
            let badField = try edited { $0["fields"] = ["asset": ["type": "text", "value": 4]] }
            #expect(contract.violations(of: badField, to: .post, "/api/v1/tickets").contains { $0.contains("oneOf") })

            let teapot = JSONResponse(status: .init(code: 418), headers: created.headers, body: created.body, raw: created.raw)
            #expect(contract.violations(of: teapot, to: .post, "/api/v1/tickets") == ["status 418 is not documented for POST /api/v1/tickets"])
            var noETag = created.headers
            noETag[.eTag] = nil
            let withoutETag = JSONResponse(status: created.status, headers: noETag, body: created.body, raw: created.raw)
            #expect(contract.violations(of: withoutETag, to: .post, "/api/v1/tickets") == ["the ETag header is missing"])
            var html = created.headers
            html[.contentType] = "text/html"
            let wrongMedia = JSONResponse(status: created.status, headers: html, body: created.body, raw: created.raw)
            #expect(contract.violations(of: wrongMedia, to: .post, "/api/v1/tickets").first?.hasPrefix("content type 'text/html'") == true)
            #expect(contract.violations(of: created, to: .put, "/api/v1/tickets") == ["PUT /api/v1/tickets is not documented"])
        }
    }

    @Test("every response of a realistic session agrees with the document", arguments: TestBackend.available)
    func realisticSession(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let api = try await ContractClient(client: client)
            try await ContractScenario(system: system, api: api).run()
            let seen = await api.log.statuses
            let untried = api.contract.operations.filter { !(seen[$0] ?? []).contains { (200..<300).contains($0) } }
            #expect(untried.map(\.description) == [], "operations the session never saw succeed")
        }
    }
}

@Suite("Wrong methods on REST paths")
struct MethodNotAllowedTests {
    @Test("a documented path with an undocumented method answers 405 with Allow; unknown paths stay 404")
    func wrongMethodIsNotAllowed() async throws {
        try await TestSystem.run(.sqlite) { system, client in
            let wrong = try await client.call(.put, "/api/v1/tickets", token: system.adminToken, json: [:])
            #expect(wrong.status == .methodNotAllowed)
            #expect(wrong.headers[.allow] == "GET, HEAD, POST")
            #expect(wrong.headers[.contentType] == "application/problem+json")
            let literal = try await client.call(.get, "/api/v1/tickets/bulk", token: system.adminToken)
            #expect(literal.status == .methodNotAllowed)
            #expect(literal.headers[.allow] == "POST")
            #expect(try await client.call(.get, "/api/v1/no-such-thing", token: system.adminToken).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/tickets/987654321", token: system.adminToken).status == .notFound)
        }
    }
}
