import Domain
import Foundation
import Hummingbird
import Services

/// Citizens without an account: the public concerns (`/portal/public`, forms in `RequestFormController`), the page
/// after sending ("check your mail"), the confirmation link from the mail (`/portal/confirm?token=` shows one button
/// that posts the token, as `CitizenService.confirm` expects it in a body) with the ticket number and the private
/// status link, and the status page (`/portal/status?token=` → one button → state, answers and a reply form).
/// Tokens travel in request bodies after the first click, so logs keep only the link the citizen was mailed.
/// `/portal/hints?q=` answers the published solutions matching a title fragment as JSON for `portal.js`, for anyone
/// filling in a form (`SolutionService.hints`, as `GET /api/v1/portal/hints`).
struct CitizenPagesController {
    let services: WebServices
    let pages: PageRenderer

    func register(on portal: RouterGroup<AppRequestContext>) {
        portal.get("public") { request, context -> Response in
            let language = context.language.rawValue
            let titles = try await services.catalogue.categories(matching: nil, for: nil)
            let all = Dictionary(titles.map { ($0.id, $0.title(in: language)) }, uniquingKeysWith: { first, _ in first })
            let concerns = titles.filter { $0.formID != nil }.map { category -> [String: Any] in
                var card = CataloguePageController.card(category, language: language)
                if let parent = category.parentID.flatMap({ all[$0] }) { card["parent"] = parent }
                card["link"] = "/portal/public/\(category.id)"
                return card
            }
            return try pages.page("portal/public", title: "portal.public.title", view: ["concerns": concerns, "hasConcerns": !concerns.isEmpty],
                                  context: context, request: request)
        }
        portal.get("hints") { request, _ -> Response in
            let hints = try await services.solutions.hints(for: request.uri.queryParameters["q"].map(String.init) ?? "", limit: 5)
            return try APIBody.response(ItemList(items: hints))
        }
        portal.get("sent") { request, context -> Response in
            try pages.page("portal/public-sent", title: "portal.public.sentTitle", context: context, request: request)
        }
        portal.get("confirm") { request, context -> Response in
            try pages.page("portal/public-token", title: "portal.public.confirmTitle", view: tokenView(request, action: "/portal/confirm", button: "portal.public.confirmButton", context),
                           context: context, request: request)
        }
        portal.post("confirm") { request, context -> Response in
            try await Self.friendly(pages, request, context) {
                let confirmation = try await services.citizens.confirm(token: context.form["token"] ?? "")
                return try pages.page("portal/public-confirmed", title: "portal.public.confirmedTitle", view: [
                    "number": confirmation.number, "concern": confirmation.title, "statusUrl": confirmation.statusUrl,
                ], context: context, request: request)
            }
        }
        portal.get("status") { request, context -> Response in
            try pages.page("portal/public-token", title: "portal.public.statusTitle", view: tokenView(request, action: "/portal/status", button: "portal.public.statusButton", context),
                           context: context, request: request)
        }
        portal.post("status") { request, context -> Response in
            try await Self.friendly(pages, request, context) {
                try await status(request, context, detail: try await services.citizens.status(token: context.form["token"] ?? ""))
            }
        }
        portal.post("status/reply") { request, context -> Response in
            let token = context.form["token"] ?? ""
            let files = context.form.files.filter { $0.field == "attachments" }.map {
                NewAttachment(filename: $0.filename, contentType: $0.contentType, contentBase64: $0.data.base64EncodedString())
            }
            do {
                let detail = try await services.citizens.reply(token: token, RequesterMessage(body: context.form["body"], attachments: files))
                return try await status(request, context, detail: detail, notice: "notice.portalReplied")
            } catch DomainError.invalid(let message, _) {
                return try await status(request, context, detail: try await services.citizens.status(token: token), error: message, status: .unprocessableContent)
            }
        }
    }

    /// Runs `work`, answering what citizens run into with a page in plain words and the REST API's status: too many
    /// concerns (429), an unknown or expired link (404), a confirmation link used a second time (409).
    static func friendly(
        _ pages: PageRenderer, _ request: Request, _ context: AppRequestContext, _ work: () async throws -> Response
    ) async throws -> Response {
        let kind: String
        let status: HTTPResponse.Status
        do {
            return try await work()
        } catch DomainError.rateLimited {
            (kind, status) = ("rateLimited", .tooManyRequests)
        } catch DomainError.notFound {
            (kind, status) = ("expired", .notFound)
        } catch DomainError.conflict {
            (kind, status) = ("used", .conflict)
        }
        return try pages.page("portal/public-problem", title: "portal.problem.\(kind).title", view: ["text": pages.text("portal.problem.\(kind).text", context)],
                              context: context, request: request, status: status)
    }

    private func tokenView(_ request: Request, action: String, button: String, _ context: AppRequestContext) -> [String: Any] {
        ["token": request.uri.queryParameters["token"].map(String.init) ?? "", "action": action, "button": pages.text(button, context)]
    }

    /// The status page of a citizen's request; the token goes along in the reply form's body.
    private func status(
        _ request: Request, _ context: AppRequestContext, detail: RequestDetail, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var view = RequestPageController.view(of: detail, time: TimeText(language: context.language, timeZone: services.context.configuration.timeZone), files: false)
        view["token"] = context.form["token"] ?? ""
        view["reply"] = error == nil ? "" : context.form["body"] ?? ""
        if let notice { view["sent"] = pages.text(notice, context) }
        if let error { view["replyError"] = error }
        return try pages.page("portal/public-status", title: "portal.request.title", view: view, context: context, request: request,
                              status: status, titleArguments: ["number": detail.request.number])
    }
}
