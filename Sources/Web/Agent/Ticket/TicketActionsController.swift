import Domain
import Foundation
import Hummingbird
import Services

/// The forms of the ticket page: each posts to `/agent/tickets/{id}/…` and calls the Services use case the REST
/// API calls. Forms that change the ticket carry its version: a ticket changed meanwhile re-renders the page with
/// an explanation and the agent's input, and nothing is changed; so does input the Services refuse.
struct TicketActionsController {
    let services: WebServices
    let pages: PageRenderer

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.post("tickets/:id/articles") { request, context -> Response in
            try await act(request, context, .compose) { principal, id, form in try await addArticle(request, context, principal, id, form) }
        }
        agent.post("tickets/:id/update") { request, context -> Response in
            try await act(request, context, .attributes) { principal, id, form in
                let changes = try await TicketChangeForm(form: form, time: time(context), fields: services.fields)
                    .changes(from: try await services.tickets.ticket(id, for: principal))
                _ = try await services.tickets.update(id, changes, expectedVersion: form.id("version"), by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(id)", notice: "ticketChanged")
            }
        }
        agent.post("tickets/:id/merge") { request, context -> Response in
            try await act(request, context, .merge) { principal, id, form in
                let target = try await ticket(numbered: form.trimmed("targetNumber"), field: "targetNumber", principal)
                let merged = try await services.tickets.merge(id, into: target, expectedVersion: form.id("version"), by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(merged.id)", notice: "merged")
            }
        }
        agent.post("tickets/:id/articles/:articleId/split") { request, context -> Response in
            try await act(request, context, .split) { principal, id, form in
                let split = ArticleSplit(title: form.trimmed("title"), queueId: form.id("queue"))
                let created = try await services.tickets.split(
                    article: try context.id("articleId"), of: id, split, expectedVersion: form.id("version"), by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(created.id)", notice: "split")
            }
        }
        agent.post("tickets/:id/links") { request, context -> Response in
            try await act(request, context, .link) { principal, id, form in
                guard let type = LinkType(rawValue: form["type"] ?? "") else { throw DomainError.invalid(FieldIssue(field: "type", .required)) }
                let object = LinkObject(rawValue: form["targetObject"] ?? "") ?? .ticket
                let targetID = object == .ticket
                    ? try await ticket(numbered: form.trimmed("target"), field: "target", principal)
                    : try form.id("target").orThrow(DomainError.invalid(FieldIssue(field: "target", .required)))
                _ = try await services.tickets.link(id, type: type, to: object, targetID: targetID, by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(id)", notice: "linked")
            }
        }
        agent.post("tickets/:id/links/:linkId/delete") { request, context -> Response in
            try await act(request, context, .link) { principal, id, _ in
                try await services.tickets.unlink(id, linkID: try context.id("linkId"), by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(id)", notice: "unlinked")
            }
        }
        agent.post("tickets/:id/watch") { request, context -> Response in
            try await act(request, context, .link) { principal, id, form in
                let watching = form.isChecked("watching")
                _ = try await services.tickets.setWatching(id, userID: nil, watching: watching, by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(id)", notice: watching ? "watching" : "unwatched")
            }
        }
        agent.post("tickets/:id/time") { request, context -> Response in
            try await act(request, context, .time) { principal, id, form in
                guard let minutes = form.trimmed("minutes").flatMap(Int.init) else {
                    throw DomainError.invalid(FieldIssue(field: "minutes", .outOfRange(min: "1", max: "1440")))
                }
                _ = try await services.tickets.bookTime(id, minutes: minutes, note: form.trimmed("note"), by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(id)", notice: "timeBooked")
            }
        }
    }

    private func time(_ context: AppRequestContext) -> TimeText {
        TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
    }

    /// Runs one form's action; refused input and stale versions re-render the ticket page with the form as sent.
    private func act(
        _ request: Request, _ context: AppRequestContext, _ form: TicketFormState.Form,
        _ action: (Principal, Int64, FormData) async throws -> Response
    ) async throws -> Response {
        let principal = try context.requireAgent()
        let id = try context.id()
        let page = TicketPage(services: services, pages: pages, context: context, principal: principal)
        do {
            return try await action(principal, id, context.form)
        } catch DomainError.invalid(_, let issues) {
            let state = TicketFormState(form: form, values: context.form, issues: issues)
            return try await page.response(id, request: request, state: state, status: .unprocessableContent)
        } catch DomainError.stale {
            let state = TicketFormState(form: form, values: context.form, isStale: true)
            return try await page.response(id, request: request, state: state, status: .preconditionFailed)
        }
    }

    /// The id of the ticket with `number` among those the agent may see; a field error when there is none.
    private func ticket(numbered number: String?, field: String, _ principal: Principal) async throws -> Int64 {
        let digits = (number ?? "").filter(\.isNumber)
        guard !digits.isEmpty else { throw DomainError.invalid(FieldIssue(field: field, .required)) }
        var list = TicketListRequest(query: "number:\(digits)")
        list.limit = 5
        guard let ticket = try await services.tickets.list(list, for: principal).items.first(where: { $0.number == digits }) else {
            throw DomainError.invalid(FieldIssue(field: field, .unknownReference(reference: String(digits))))
        }
        return ticket.id
    }

    private func addArticle(_ request: Request, _ context: AppRequestContext, _ principal: Principal, _ id: Int64, _ form: FormData) async throws -> Response {
        guard let kind = ComposeRequest.Kind(rawValue: form["kind"] ?? "") else { throw DomainError.invalid(FieldIssue(field: "kind", .required)) }
        if form["insertTemplate"] != nil {
            guard let templateID = form.id("template") else { throw DomainError.invalid(FieldIssue(field: "template", .required)) }
            let rendered = try await services.textTemplates.render(templateID, forTicket: id, language: context.language.rawValue, by: principal)
            let body = form["body"] ?? ""
            let filled = FormData(fields: form.fields.map { $0.name == "body" ? ($0.name, body.isEmpty ? rendered.text : body + "\n" + rendered.text) : $0 })
            return try await TicketPage(services: services, pages: pages, context: context, principal: principal)
                .response(id, request: request, state: TicketFormState(form: .compose, values: filled))
        }
        var article = NewArticle(subject: form.trimmed("subject"), body: form["body"] ?? "")
        switch kind {
        case .reply, .replyAll, .forward:
            article.channel = .email
            article.send = true
            article.to = form.trimmed("to")
            article.cc = form.trimmed("cc")
            article.bcc = form.trimmed("bcc")
            article.attachmentIds = form.ids("attachmentIds")
        case .note:
            article.channel = .note
            article.customerVisible = false
        case .phone:
            article.channel = .phone
            article.customerVisible = form.isChecked("customerVisible")
        }
        if let minutes = form.trimmed("timeMinutes") {
            guard let value = Int(minutes) else { throw DomainError.invalid(FieldIssue(field: "timeMinutes", .invalidNumber)) }
            article.timeMinutes = value
        }
        article.attachments = form.files.filter { $0.field == "attachments" }.map { file in
            NewAttachment(filename: file.filename, contentType: file.contentType, contentBase64: file.data.base64EncodedString())
        }
        _ = try await services.tickets.addArticle(to: id, article, expectedVersion: form.id("version"), by: principal)
        return PageRenderer.redirect(to: "/agent/tickets/\(id)", notice: kind.isMail ? "mailQueued" : "articleAdded")
    }
}

extension Optional {
    /// The value, or `error` thrown when there is none.
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}
