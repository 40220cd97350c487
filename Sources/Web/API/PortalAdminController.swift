import Domain
import Foundation
import Hummingbird
import Services

/// The portal's mail texts and settings (administrators), and publishing agents' answers as solutions.
struct PortalAdminController {
    let services: WebServices

    /// Whether to publish an answer.
    struct PublishInput: Decodable {
        var published: Bool
    }

    func register(on api: RouterGroup<AppRequestContext>) {
        let texts = services.portalTexts
        api.get("portal/texts") { _, context -> Response in
            try APIBody.response(ItemList(items: try await texts.texts(by: try context.requirePrincipal())))
        }
        api.put("portal/texts") { request, context -> Response in
            let input = try await APIBody.decode(PortalTextsInput.self, from: request)
            return try APIBody.response(ItemList(items: try await texts.replace(input, by: try context.requirePrincipal())))
        }
        api.get("portal/settings") { _, context -> Response in
            try APIBody.response(try await texts.settings(by: try context.requirePrincipal()))
        }
        api.put("portal/settings") { request, context -> Response in
            let settings = try await APIBody.decode(PortalSettings.self, from: request)
            return try APIBody.response(try await texts.save(settings, by: try context.requirePrincipal()))
        }
        api.put("tickets/:id/articles/:articleId/solution") { request, context -> Response in
            let input = try await APIBody.decode(PublishInput.self, from: request)
            let state = try await services.solutions.publish(
                try context.id("articleId"), of: try context.id(), published: input.published, by: try context.requirePrincipal()
            )
            return try APIBody.response(state)
        }
    }
}
