import Domain
import Foundation
import Hummingbird
import Services
import Store

/// Sessions (browser sign-in), API tokens and the caller's own account.
struct AuthController {
    let services: WebServices

    struct SignIn: Decodable {
        var login: String
        var password: String
        var totp: String?
    }

    struct SessionBody: Encodable {
        var csrfToken: String
        var userId: Int64
        var login: String
        var expiresAt: Date
    }

    struct TokenRequest: Decodable {
        var name: String
        var login: String?
    }

    struct CreatedToken: Encodable {
        var token: String
        var info: APITokenInfo
    }

    struct Code: Decodable {
        var code: String
    }

    struct PasswordChange: Decodable {
        var currentPassword: String?
        var newPassword: String
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        api.post("sessions") { request, _ -> Response in
            let input = try await APIBody.decode(SignIn.self, from: request)
            let grant = try await services.auth.signIn(login: input.login, password: input.password, totpCode: input.totp)
            var headers = HTTPFields()
            headers[.setCookie] = Cookie(
                name: AuthenticationMiddleware.sessionCookie, value: grant.sessionToken, expires: grant.expiresAt,
                path: "/", secure: false, httpOnly: true, sameSite: .strict
            ).description
            return try APIBody.response(
                SessionBody(csrfToken: grant.csrfToken, userId: grant.principal.userID, login: grant.principal.login, expiresAt: grant.expiresAt),
                status: .created, headers: headers
            )
        }
        api.delete("sessions/current") { request, context -> Response in
            _ = try context.requirePrincipal()
            if let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value {
                try await services.auth.signOut(sessionToken: cookie)
            }
            return APIBody.noContent()
        }
        api.get("me") { _, context -> Response in
            let principal = try context.requirePrincipal()
            return try APIBody.response(try await services.users.user(principal.userID, by: principal))
        }
        api.post("me/password") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let input = try await APIBody.decode(PasswordChange.self, from: request)
            try await services.users.setPassword(of: principal.userID, current: input.currentPassword, new: input.newPassword, by: principal)
            return APIBody.noContent()
        }
        api.post("me/totp") { _, context -> Response in
            try APIBody.response(try await services.secondFactor.begin(for: try context.requirePrincipal()), status: .created)
        }
        api.post("me/totp/confirm") { request, context -> Response in
            let principal = try context.requirePrincipal()
            try await services.secondFactor.confirm(code: try await APIBody.decode(Code.self, from: request).code, for: principal)
            return APIBody.noContent()
        }
        api.post("me/totp/disable") { request, context -> Response in
            let principal = try context.requirePrincipal()
            try await services.secondFactor.disable(code: try await APIBody.decode(Code.self, from: request).code, for: principal)
            return APIBody.noContent()
        }
        api.get("tokens") { _, context -> Response in
            try APIBody.response(ItemList(items: try await services.auth.tokens(of: try context.requirePrincipal())))
        }
        api.post("tokens") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let input = try await APIBody.decode(TokenRequest.self, from: request)
            guard (1...200).contains(input.name.count) else { throw DomainError.invalid(FieldIssue(field: "name", .length(min: 1, max: 200))) }
            let (token, info) = try await services.auth.createToken(forLogin: input.login ?? principal.login, name: input.name, by: principal)
            return try APIBody.response(CreatedToken(token: token, info: info), status: .created)
        }
        api.delete("tokens/:id") { _, context -> Response in
            try await services.auth.revokeToken(try context.id(), by: try context.requirePrincipal())
            return APIBody.noContent()
        }
    }
}

/// The list envelope every list endpoint answers with.
struct ItemList<Item: Encodable>: Encodable {
    var items: [Item]
    var next: String?
}
