import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /api/v1/customers?q=`: agents find customers by name, mail address or login; customers find nobody.
@Suite("Customer directory")
struct CustomerDirectoryTests {
    @Test("matches names, full names, addresses and logins by prefix in any case; agents only; q is required", arguments: TestBackend.available)
    func search(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let mia = try await system.customer("mschulze", email: "mia.schulze@stadt.example")
            let otto = try await system.customer("obauer", email: "otto.bauer@stadt.example")
            let agent = try await system.agent("wilma", rights: ["Servicedesk": [.read]])
            func found(_ query: String) async throws -> Set<Int64> {
                let response = try await client.call(.get, "/api/v1/customers?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), token: agent.token)
                #expect(response.status == .ok, "\(query): \(response.summary)")
                return Set(response.items.compactMap { $0.int("id") })
            }
            #expect(try await found("MIA.SCH") == [mia.contactID], "mail address")
            #expect(try await found("obau") == [otto.contactID], "login")
            #expect(try await found("mschulze") == [mia.contactID])
            #expect(try await found("otto-nobody") == [])
            let page = try await client.call(.get, "/api/v1/customers?q=\("o")&limit=1", token: agent.token)
            #expect(page.items.count == 1)
            expectProblem(try await client.call(.get, "/api/v1/customers", token: agent.token), .unprocessableContent, field: "q")
            expectProblem(try await client.call(.get, "/api/v1/customers?q=mia", token: mia.token), .forbidden)
        }
    }
}
