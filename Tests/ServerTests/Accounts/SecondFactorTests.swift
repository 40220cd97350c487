import Foundation
import HTTPTypes
import Services
import Testing

@Suite("TOTP second factor")
struct SecondFactorTests {
    @Test("enrolment needs a valid code; sign-in then needs one too", arguments: TestBackend.available)
    func enrolAndSignIn(backend: TestBackend) async throws {
        try await TestSystem.run(backend) { system, client in
            let (_, token) = try await system.agent("k.lehmann", rights: [:])
            let begun = try await client.call(.post, "/api/v1/me/totp", token: token)
            #expect(begun.status == .created)
            let secret = try #require(begun.object.string("secret"))
            #expect(begun.object.string("uri")?.hasPrefix("otpauth://totp/") == true)

            let wrong = try await client.call(.post, "/api/v1/me/totp/confirm", token: token, json: ["code": "000000"])
            #expect(wrong.status == .unprocessableContent)
            let stillOff = try await client.call(.post, "/api/v1/sessions", token: nil, json: ["login": "k.lehmann", "password": "password-k.lehmann"])
            #expect(stillOff.status == .created)

            let code = try #require(TOTP.code(secret: secret, at: Date()))
            let confirmed = try await client.call(.post, "/api/v1/me/totp/confirm", token: token, json: ["code": code])
            #expect(confirmed.status == .noContent)

            let withoutCode = try await client.call(.post, "/api/v1/sessions", token: nil, json: ["login": "k.lehmann", "password": "password-k.lehmann"])
            #expect(withoutCode.status == .unauthorized)
            let withCode = try await client.call(.post, "/api/v1/sessions", token: nil,
                                                 json: ["login": "k.lehmann", "password": "password-k.lehmann", "totp": code])
            #expect(withCode.status == .created)
            #expect(withCode.headers[.setCookie]?.contains("HttpOnly") == true)

            let off = try await client.call(.post, "/api/v1/me/totp/disable", token: token, json: ["code": code])
            #expect(off.status == .noContent)
            let plain = try await client.call(.post, "/api/v1/sessions", token: nil, json: ["login": "k.lehmann", "password": "password-k.lehmann"])
            #expect(plain.status == .created)
        }
    }
}
