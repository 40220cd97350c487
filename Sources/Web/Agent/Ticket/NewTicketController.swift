import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Services

/// A ticket an agent opens for a caller or a visitor (`/agent/tickets/new`): requester (looked up as one
/// types), organisation, queue, type, priority, service, state, owner, fields, channel and first article with
/// files. It goes through the same `TicketService.create` as `POST /api/v1/tickets`.
struct NewTicketController {
    let services: WebServices
    let pages: PageRenderer
    /// The channels an agent records a new ticket through.
    static let channels: [ArticleChannel] = [.phone, .walkIn, .email]

    func register(on agent: RouterGroup<AppRequestContext>) {
        agent.get("tickets/new") { request, context -> Response in
            try await form(request, context, principal: try context.requireAgent(), sent: nil, issues: [])
        }
        agent.post("tickets/new") { request, context -> Response in
            let principal = try context.requireAgent()
            do {
                let ticket = try await services.tickets.create(try await newTicket(context.form, context), by: principal)
                return PageRenderer.redirect(to: "/agent/tickets/\(ticket.id)", notice: "ticketCreated")
            } catch DomainError.invalid(_, let issues) {
                return try await form(request, context, principal: principal, sent: context.form, issues: issues, status: .unprocessableContent)
            }
        }
    }

    private func time(_ context: AppRequestContext) -> TimeText {
        TimeText(language: context.language, timeZone: services.context.configuration.timeZone)
    }

    private func newTicket(_ form: FormData, _ context: AppRequestContext) async throws -> NewTicket {
        let title = form.trimmed("title") ?? ""
        let channel = ArticleChannel(rawValue: form["channel"] ?? "") ?? .phone
        var article = NewArticle(subject: form.trimmed("subject") ?? title, body: form["body"] ?? "", customerVisible: true)
        article.channel = channel
        article.attachments = form.files.filter { $0.field == "attachments" }.map { file in
            NewAttachment(filename: file.filename, contentType: file.contentType, contentBase64: file.data.base64EncodedString())
        }
        var ticket = NewTicket(title: title, customer: form.trimmed("customer"), article: article)
        ticket.queueId = form.id("queue")
        ticket.typeId = form.id("type")
        ticket.serviceId = form.id("service")
        // State and priority need rights of their own: only a choice other than the default is sent.
        let master = try await services.masterData.snapshot()
        ticket.priorityId = form.id("priority").flatMap { $0 == master.defaultPriority?.id ? nil : $0 }
        ticket.stateId = form.id("state").flatMap { $0 == master.defaultState?.id ? nil : $0 }
        ticket.ownerId = form.id("owner")
        ticket.organisationId = form.id("organisation")
        if let pending = form.trimmed("pendingUntil") {
            guard let date = time(context).date(fromInput: pending) else {
                throw DomainError.invalid(FieldIssue(field: "pendingUntil", .invalidDate(example: "2026-11-30T09:00")))
            }
            ticket.pendingUntil = date
        }
        let definitions = try await services.fields.definitions(for: .ticket)
        let fields = FieldControls(time: time(context)).inputs(from: form, definitions, changedFrom: nil).filter { !$0.value.isEmpty }
        if !fields.isEmpty { ticket.fields = fields }
        return ticket
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, principal: Principal, sent: FormData?, issues: [FieldIssue],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let master = try await services.masterData.snapshot()
        let english = context.language == .en
        let localized: (String, String?) -> String = { german, englishName in (english ? englishName : nil) ?? german }
        func options<Record>(_ records: [Record], _ name: String, default fallback: Int64?, id: (Record) -> Int64, label: (Record) -> String) -> [[String: Any]] {
            let selected = sent.map { $0.id(name) } ?? fallback
            return records.map { ["id": id($0), "name": label($0), "selected": id($0) == selected] }
        }
        let queues = master.queues.filter { $0.isActive && AccessPolicy.has(principal, .create, in: $0.id) }
        guard !queues.isEmpty else { throw DomainError.forbidden("You may not open tickets in any queue.") }
        let page = TicketPage(services: services, pages: pages, context: context, principal: principal)
        let organisations = try await services.people.organisations(after: nil, limit: 1000, by: principal).items.map(\.value).filter(\.isActive)
        let definitions = try await services.fields.definitions(for: .ticket)
        let channel = sent?["channel"] ?? ArticleChannel.phone.rawValue
        let view: [String: Any] = [
            "title": sent?["title"] ?? "", "customer": sent?["customer"] ?? "", "subject": sent?["subject"] ?? "", "body": sent?["body"] ?? "",
            "pendingUntil": sent?["pendingUntil"] ?? "",
            "queues": options(queues, "queue", default: nil, id: \.id, label: \.name),
            "types": options(master.types.filter(\.isActive), "type", default: nil, id: \.id, label: { localized($0.name, $0.nameEN) }),
            "priorities": options(master.priorities.filter(\.isActive), "priority", default: master.defaultPriority?.id, id: \.id,
                                  label: { localized($0.name, $0.nameEN) }),
            "services": options(master.services.filter(\.isActive), "service", default: nil, id: \.id, label: \.name),
            "states": master.states.filter { $0.isActive && $0.type != .merged }.map { state in
                ["id": state.id, "name": localized(state.name, state.nameEN), "pending": state.type.isPending,
                 "selected": state.id == (sent.map { $0.id("state") } ?? master.defaultState?.id)] as [String: Any]
            },
            "owners": options(try await page.agentOptions(), "owner", default: nil, id: \.id, label: \.name),
            "organisations": options(organisations, "organisation", default: nil, id: \.id, label: \.name),
            "channels": Self.channels.map { ["value": $0.rawValue, "label": pages.text("ticketView.channel.\($0.rawValue)", context),
                                             "selected": $0.rawValue == channel] as [String: Any] },
            "fields": FieldControls(time: time(context)).controls(definitions, values: [:], draft: sent),
            "hasFields": !definitions.isEmpty,
            "issues": issues.map { pages.ticketIssue($0, context) },
        ]
        return try pages.page("agent/ticket-new", title: "ticketNew.title", view: view, context: context, request: request,
                              section: "newTicket", status: status)
    }
}
