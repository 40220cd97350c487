import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

/// API tokens, browser sessions with CSRF protection, sign-in lockout and inactive accounts.
@Suite("Credentials: tokens, sessions, CSRF, lockout")
struct CredentialTests {
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// Signs in and returns the session cookie (`name=value`) and the CSRF token.
    static func signIn(_ client: some TestClientProtocol, _ login: String, _ password: String) async throws -> (response: JSONResponse, cookie: String?, csrf: String?) {
        let response = try await client.call(.post, "/api/v1/sessions", token: nil, json: ["login": login, "password": password])
        let cookie = response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
        return (response, cookie, response.object.string("csrfToken"))
    }

    @Test("tokens: created per user, listed only to their owner, revoked ones stop working at once", arguments: TestBackend.available)
    func tokens(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let (_, agentToken) = try await system.agent("petra", rights: ["Servicedesk": [.read, .create]])
            let created = try await client.call(.post, "/api/v1/tokens", token: agentToken, json: ["name": "Skript"])
            #expect(created.status == .created)
            let second = try #require(created.object.string("token"))
            let secondID = try #require((created["info"] as? [String: Any])?.int("id"))
            #expect(try await client.call(.get, "/api/v1/me", token: second).object.string("login") == "petra")
            #expect(try await system.count("api_tokens") == 3)
            // Tokens are stored hashed, never in the clear.
            let stored = try await system.database.read { db in try await db.raw("SELECT token_hash FROM api_tokens").all() }
            #expect(try stored.allSatisfy { try $0.decode(column: "token_hash", as: String.self) != second })

            let adminTokens = try await client.call(.get, "/api/v1/tokens", token: system.adminToken).items
            let adminTokenID = try #require(adminTokens.first?.int("id"))
            #expect(!adminTokens.contains { $0.int("id") == secondID })
            let own = try await client.call(.get, "/api/v1/tokens", token: agentToken).items.compactMap { $0.int("id") }
            #expect(own.contains(secondID) && !own.contains(adminTokenID))

            // Nobody but an administrator makes tokens for others, and a refusal does not tell which logins exist.
            var before = try await system.snapshot()
            let forAdmin = try await client.call(.post, "/api/v1/tokens", token: agentToken, json: ["name": "Übernahme", "login": "admin"])
            expectProblem(forAdmin, .forbidden)
            let forNobody = try await client.call(.post, "/api/v1/tokens", token: agentToken, json: ["name": "Übernahme", "login": "gibt-es-nicht"])
            expectProblem(forNobody, .forbidden)
            // Nor revokes the tokens of others.
            let revokeOthers = try await client.call(.delete, "/api/v1/tokens/\(adminTokenID)", token: agentToken)
            expectProblem(revokeOthers, .notFound)
            try await system.expectUnchanged(since: before, "token requests for others")
            #expect(try await client.call(.get, "/api/v1/me", token: system.adminToken).status == .ok)
            let adminMade = try await client.call(.post, "/api/v1/tokens", token: system.adminToken, json: ["name": "für Petra", "login": "petra"])
            #expect(adminMade.status == .created)

            before = try await system.snapshot()
            let revoked = try await client.call(.delete, "/api/v1/tokens/\(secondID)", token: second)
            #expect(revoked.status == .noContent)
            #expect(try await system.snapshot().difference(from: before) == ["api_tokens.revoked_at"])
            let afterRevocation = try await client.call(.get, "/api/v1/me", token: second)
            expectProblem(afterRevocation, .unauthorized)
            #expect(afterRevocation.headers[.wwwAuthenticate] == "Bearer")
            let write = try await client.call(.post, "/api/v1/tickets", token: second, json: ["title": "x", "queue": "Servicedesk"])
            expectProblem(write, .unauthorized)
            expectProblem(try await client.call(.delete, "/api/v1/tokens/\(secondID)", token: agentToken), .notFound)
            #expect(try await client.call(.get, "/api/v1/me", token: agentToken).status == .ok, "other tokens keep working")

            for garbage in ["Bearer", "Bearer ", "Bearer tw_nonsense", "Basic YWRtaW46YWRtaW4=", "bearer\(system.adminToken)", "Token \(system.adminToken)"] {
                let response = try await client.call(.get, "/api/v1/me", token: nil, headers: [.authorization: garbage])
                expectProblem(response, .unauthorized, "Authorization: \(garbage)")
            }
        }
    }

    @Test("sessions: HttpOnly cookie, CSRF token required for every change, sign-out ends the session", arguments: TestBackend.available)
    func sessionsAndCSRF(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            _ = try await system.agent("sabine", rights: ["Servicedesk": [.read, .create]])
            let (response, cookie, csrf) = try await Self.signIn(client, "sabine", "password-sabine")
            #expect(response.status == .created)
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.hasPrefix("tw_session="))
            #expect(setCookie.lowercased().contains("httponly"))
            #expect(setCookie.lowercased().contains("samesite=strict"))
            #expect(setCookie.lowercased().contains("path=/"))
            let session = try #require(cookie)
            let csrfToken = try #require(csrf)
            #expect(!session.contains(csrfToken), "the CSRF token is not the session")

            let me = try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: session])
            #expect(me.status == .ok)
            #expect(me.object.string("login") == "sabine")

            let ticket: [String: Any] = ["title": "Über die Oberfläche", "queue": "Servicedesk"]
            let before = try await system.snapshot()
            for headers: HTTPFields in [[.cookie: session], [.cookie: session, Self.csrfHeader: "falsch"], [.cookie: session, Self.csrfHeader: ""],
                                        [.cookie: session, Self.csrfHeader: String(csrfToken.dropLast())]] {
                let refused = try await client.call(.post, "/api/v1/tickets", token: nil, json: ticket, headers: headers)
                expectProblem(refused, .forbidden, "headers \(headers)")
                let refusedToken = try await client.call(.post, "/api/v1/tokens", token: nil, json: ["name": "über CSRF"], headers: headers)
                expectProblem(refusedToken, .forbidden, "token via \(headers)")
                let refusedSignOut = try await client.call(.delete, "/api/v1/sessions/current", token: nil, headers: headers)
                expectProblem(refusedSignOut, .forbidden, "sign-out via \(headers)")
            }
            try await system.expectUnchanged(since: before, "cookie requests without the CSRF token")

            let accepted = try await client.call(.post, "/api/v1/tickets", token: nil, json: ticket, headers: [.cookie: session, Self.csrfHeader: csrfToken])
            #expect(accepted.status == .created)
            let signOut = try await client.call(.delete, "/api/v1/sessions/current", token: nil, headers: [.cookie: session, Self.csrfHeader: csrfToken])
            #expect(signOut.status == .noContent)
            expectProblem(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: session]), .unauthorized)
            expectProblem(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: "tw_session=tws_erfunden"]), .unauthorized)
        }
    }

    @Test("five wrong passwords lock the login, even for the right password; other logins stay open", arguments: TestBackend.available)
    func lockout(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            _ = try await system.agent("uwe", rights: [:])
            _ = try await system.agent("vera", rights: [:])
            for attempt in 1...5 {
                let (wrong, cookie, _) = try await Self.signIn(client, attempt.isMultiple(of: 2) ? "UWE" : "uwe", "falsches-passwort-\(attempt)")
                expectProblem(wrong, .unauthorized, "attempt \(attempt)")
                #expect(cookie == nil)
            }
            let (locked, cookie, _) = try await Self.signIn(client, "uwe", "password-uwe")
            expectProblem(locked, .tooManyRequests)
            #expect(cookie == nil)
            #expect(try await system.count("sessions") == 0)
            let (other, _, _) = try await Self.signIn(client, "vera", "password-vera")
            #expect(other.status == .created)
            // An unknown login answers like a wrong password.
            let (unknown, _, _) = try await Self.signIn(client, "niemand", "password-uwe")
            expectProblem(unknown, .unauthorized)
            #expect(unknown.problemDetail == (try await Self.signIn(client, "vera", "falsch-falsch")).response.problemDetail)
        }
    }

    @Test("inactive users cannot sign in, and their tokens and sessions stop working", arguments: TestBackend.available)
    func inactiveUsers(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let (id, token) = try await system.agent("walter", rights: ["Servicedesk": .all])
            let (_, session, _) = try await Self.signIn(client, "walter", "password-walter")
            let cookie = try #require(session)
            #expect(try await client.call(.get, "/api/v1/me", token: token).status == .ok)
            try await system.database.transaction { db in try await db.raw("UPDATE users SET is_active = \(bind: false) WHERE id = \(bind: id)").run() }

            let (signIn, newCookie, _) = try await Self.signIn(client, "walter", "password-walter")
            expectProblem(signIn, .unauthorized)
            #expect(newCookie == nil)
            expectProblem(try await client.call(.get, "/api/v1/me", token: token), .unauthorized)
            expectProblem(try await client.call(.get, "/api/v1/tickets", token: token), .unauthorized)
            expectProblem(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: cookie]), .unauthorized)
            let made = try await client.call(.post, "/api/v1/tokens", token: system.adminToken, json: ["name": "für Walter", "login": "walter"])
            expectProblem(made, .notFound)
        }
    }
}
