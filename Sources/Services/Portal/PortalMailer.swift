import Domain
import Foundation
import Mail
import SQLKit
import Store

/// The portal's automatic mail, written inside the caller's transaction and delivered through the outbox: notices
/// about a request go to its requester in the request's language, are recorded as customer-visible articles and
/// thread with the ticket's mail (so replies land in the same ticket); the confirmation link for a citizen's
/// submission belongs to no ticket yet.
struct PortalMailer {
    let db: any SQLDatabase
    let dialect: Dialect
    let now: Date
    let configuration: ServiceContext.Configuration
    let master: MasterData
    let fields: FieldService

    /// The text of `kind` in `language`: the administrator's own, else the default.
    func text(_ kind: PortalText.Kind, language: String) async throws -> PortalText {
        let stored = try await PortalTextRepository(db).texts()
        let code = PortalText.languages.contains(language) ? language : "de"
        return stored.first { $0.kind == kind && $0.language == code }
            ?? PortalText.defaults.first { $0.kind == kind && $0.language == code }
            ?? PortalText(kind: kind, language: code, subject: kind.rawValue, body: "")
    }

    /// Mails the notice `kind` about `ticket` to the requester of `request`; `link` fills `{{link}}`. Without a
    /// requester address or a sender address (the queue's, else the portal's) nothing is sent and the ticket's
    /// history says why.
    func notify(_ kind: PortalText.Kind, ticket: Ticket, request: PortalRequest, settings: PortalSettings, link: String = "") async throws {
        guard let recipient = request.requesterEmail else { return }
        guard let sender = master.queue(ticket.queueID)?.systemAddress ?? settings.senderAddress else {
            try await HistoryRepository(db).append(ticketID: ticket.id, actorID: nil, field: "portalMail", old: nil,
                                                   new: "not sent (\(kind.rawValue)): no sender address", at: now)
            return
        }
        let template = try await text(kind, language: request.language)
        let status = master.state(ticket.stateID).map { CustomerStatus(state: $0, solvedStateID: settings.solvedStateID).label(in: request.language) } ?? ""
        let values = [
            "ticket.number": ticket.number, "ticket.title": ticket.title, "requester.name": request.requesterName ?? recipient,
            "requester.email": recipient, "status": status, "link": link,
        ]
        var subject = MailTemplate.render(template.subject, values: values)
        if !subject.contains("Ticket#\(ticket.number)") { subject = "[Ticket#\(ticket.number)] " + subject }
        var mail = OutgoingMail(from: MailAddress(sender, name: master.queue(ticket.queueID)?.name), to: [MailAddress(recipient, name: request.requesterName)],
                                subject: subject, text: MailTemplate.render(template.body, values: values))
        mail.thread(after: try await ArticleRepository(db).lastWithMessageID(ofTicket: ticket.id))
        let composed = try compose(&mail, loop: sender)
        let article = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: fields, sla: SLAKeeper(master: master))
            .write(try ArticleDraft(automatic: mail, composed: composed), to: ticket, by: .system, touch: false)
        _ = try await OutboxRepository(db, dialect: dialect).enqueue(
            OutboxMessage(composed, ticketID: ticket.id, articleID: article.value.id, envelopeSender: "", at: now))
        try await HistoryRepository(db).append(ticketID: ticket.id, actorID: nil, field: "portalMail", old: nil, new: kind.rawValue, at: now)
    }

    /// Mails a citizen the link that confirms their submission in `category`, from the address of `queueID`.
    func askConfirmation(to recipient: String, language: String, category: CatalogueCategory, queueID: Int64, settings: PortalSettings, link: String) async throws {
        guard let sender = master.queue(queueID)?.systemAddress ?? settings.senderAddress else {
            throw DomainError.conflict("The portal has no sender address for confirmation mail; an administrator must set one.")
        }
        let template = try await text(.confirmAddress, language: language)
        let values = ["category.title": category.title(in: language), "link": link, "requester.email": recipient, "requester.name": recipient]
        var mail = OutgoingMail(from: MailAddress(sender, name: master.queue(queueID)?.name), to: [MailAddress(recipient)],
                                subject: MailTemplate.render(template.subject, values: values), text: MailTemplate.render(template.body, values: values))
        let composed = try compose(&mail, loop: sender)
        _ = try await OutboxRepository(db, dialect: dialect).enqueue(OutboxMessage(composed, ticketID: nil, articleID: nil, envelopeSender: "", at: now))
    }

    /// Marks the mail as automatic (RFC 3834) and composes it.
    private func compose(_ mail: inout OutgoingMail, loop sender: String) throws -> ComposedMail {
        mail.autoSubmitted = .autoGenerated
        mail.extraHeaders = [("X-Loop", sender)]
        mail.date = now
        do {
            return try MailComposer(timeZone: configuration.timeZone).compose(mail)
        } catch {
            throw DomainError.invalid(FieldIssue(field: "email", .invalidAddress, detail: "No mail can be written to this address: \(error)."))
        }
    }
}
