import Domain
import Foundation
import Hummingbird
import Services

/// One request as its requester sees it (`/portal/requests/{id}`): the state in plain words, the SLA promise, the
/// customer-visible messages with their files, a reply form with attachments, and — once solved — confirm or reopen.
/// Every action calls the use case the REST API calls (`RequestService`, `TicketService.addArticle`).
struct RequestPageController {
    let services: WebServices
    let pages: PageRenderer

    func register(on portal: RouterGroup<AppRequestContext>) {
        portal.get("requests/:id") { request, context -> Response in
            try await render(try context.id(), request: request, context: context)
        }
        portal.post("requests/:id/reply") { request, context -> Response in
            let (principal, id, form) = try input(context)
            var article = NewArticle(body: form["body"] ?? "", customerVisible: true)
            article.attachments = Self.attachments(form)
            do {
                _ = try await services.tickets.addArticle(to: id, article, expectedVersion: nil, by: principal)
            } catch DomainError.invalid(let message, _) {
                return try await render(id, request: request, context: context, reply: form["body"] ?? "", error: message)
            }
            return PageRenderer.redirect(to: "/portal/requests/\(id)?notice=portalReplied#latest")
        }
        portal.post("requests/:id/confirm") { _, context -> Response in
            let (principal, id, _) = try input(context)
            _ = try await services.requests.confirm(id, by: principal)
            return PageRenderer.redirect(to: "/portal/requests/\(id)", notice: "portalConfirmed")
        }
        portal.post("requests/:id/reopen") { request, context -> Response in
            let (principal, id, form) = try input(context)
            do {
                _ = try await services.requests.reopen(id, RequesterMessage(body: form["body"], attachments: Self.attachments(form)), by: principal)
            } catch DomainError.invalid(let message, _) {
                return try await render(id, request: request, context: context, reply: form["body"] ?? "", error: message)
            }
            return PageRenderer.redirect(to: "/portal/requests/\(id)", notice: "portalReopened")
        }
        portal.get("attachments/:id") { _, context -> Response in
            let (attachment, content) = try await services.tickets.attachment(try context.id(), for: try context.requireCustomer())
            return AttachmentResponse.make(attachment, content: content)
        }
    }

    private func input(_ context: AppRequestContext) throws -> (Principal, Int64, FormData) {
        (try context.requireCustomer(), try context.id(), context.form)
    }

    private static func attachments(_ form: FormData) -> [NewAttachment] {
        form.files.filter { $0.field == "attachments" }.map {
            NewAttachment(filename: $0.filename, contentType: $0.contentType, contentBase64: $0.data.base64EncodedString())
        }
    }

    /// The request page; with `error` (422) the reply form keeps `reply` and shows the message next to the text.
    private func render(_ id: Int64, request: Request, context: AppRequestContext, reply: String = "", error: String? = nil) async throws -> Response {
        let detail = try await services.requests.request(id, by: try context.requireCustomer())
        var view = Self.view(of: detail, time: TimeText(language: context.language, timeZone: services.context.configuration.timeZone), files: true)
        view["reply"] = reply
        if let error { view["replyError"] = error }
        return try pages.page(
            "portal/request", title: "portal.request.title", view: view, context: context, request: request, section: "requests",
            status: error == nil ? .ok : .unprocessableContent, titleArguments: ["number": detail.request.number]
        )
    }

    /// What requesters see of a request, for the template: state in plain words, SLA promise and the messages (the
    /// newest marked `latest`); `files` links attachments to `/portal/attachments/{id}` (signed-in customers only).
    static func view(of detail: RequestDetail, time: TimeText, files: Bool) -> [String: Any] {
        let summary = detail.request
        let messages = detail.messages.enumerated().map { index, message -> [String: Any] in
            var row: [String: Any] = [
                "id": message.articleId, "sender": message.sender.rawValue, "fromAgent": message.sender != .customer,
                "created": time.absolute(message.createdAt), "text": message.text, "latest": index == detail.messages.count - 1,
                "files": message.attachments.map { ["id": $0.attachmentId, "filename": $0.filename, "size": TicketPage.size($0.size)] as [String: Any] },
                "hasFiles": !message.attachments.isEmpty, "linkFiles": files,
            ]
            if let html = message.html { row["html"] = html }
            if let subject = message.subject, subject != summary.title { row["subject"] = subject }
            return row
        }
        var view: [String: Any] = [
            "id": summary.ticketId, "number": summary.number, "title": summary.title, "status": summary.status.rawValue,
            "statusText": summary.statusText, "created": time.absolute(summary.createdAt), "changed": time.absolute(summary.changedAt),
            "messages": messages, "canConfirm": detail.canConfirm,
        ]
        if let promise = summary.promise { view["promise"] = promise.text }
        return view
    }
}
