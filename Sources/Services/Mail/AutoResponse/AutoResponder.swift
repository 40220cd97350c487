import Domain
import Foundation
import Mail
import SQLKit
import Store

/// Sends a queue's automatic answer to a filed inbound mail — confirmation of a new ticket, of a follow-up, or
/// the notice that a closed ticket takes no follow-ups — unless `LoopGuard` forbids it or the sender has had
/// `autoResponseDailyCap` automatic answers today. The answer is an article of the ticket (sender system,
/// customer-visible) and an outbox message, written in one transaction; suppressed answers leave a history entry.
///
/// Runs after the intake committed: a failure here is logged and never makes the intake fail, so that the MTA
/// does not deliver the message again.
struct AutoResponder {
    let context: ServiceContext
    let tickets: TicketService

    /// Built-in notice for the `reject` policy, used while the queue has no `rejected` text of its own.
    static let defaultRejected: [String: (subject: String, body: String)] = [
        "de": ("Ihre Nachricht zu {{ticket.number}} wurde nicht angenommen",
               "Guten Tag {{customer.name}},\n\ndas Ticket {{ticket.number}} ({{ticket.title}}) ist abgeschlossen und nimmt keine weiteren Nachrichten an. Bitte schreiben Sie uns ohne Ticketnummer im Betreff, wenn Sie ein neues Anliegen haben."),
        "en": ("Your message about {{ticket.number}} was not accepted",
               "Hello {{customer.name}},\n\nticket {{ticket.number}} ({{ticket.title}}) is closed and takes no further messages. Please write to us without the ticket number in the subject if you have a new request."),
    ]

    /// Answers the raw message `raw`, filed as `result`; parses it only when the queue has a text to answer with.
    func respond(to raw: [UInt8], after result: MailIntakeResult) async {
        do {
            try await send(to: raw, after: result)
        } catch {
            context.logger.error("auto-response failed", metadata: ["ticket": "\(result.number ?? "")", "error": "\(error)"])
        }
    }

    private func send(to raw: [UInt8], after result: MailIntakeResult) async throws {
        let kind: QueueMailText.Kind
        switch result.outcome {
        case .created, .linkedTicket: kind = .newTicket
        case .followUp, .reopened: kind = .followUp
        case .rejected: kind = .rejected
        case .bounce, .ignored: return
        }
        let master = try await tickets.masterData.current(context.database)
        let dialect = context.database.dialect
        guard let ticketID = result.ticketId,
              let ticket = try await context.database.read({ db in try await TicketRepository(db, dialect: dialect).find(ticketID, in: .everything) }),
              let queue = master.queue(ticket.queueID), let systemAddress = queue.systemAddress else { return }
        let texts = try await context.database.read { db in try await QueueMailTextRepository(db).texts(ofQueue: queue.id) }
        guard kind == .rejected || texts.contains(where: { $0.kind == kind }) else { return }
        let mail = MIMEParser.parse(raw)
        let language = Self.language(of: mail)
        let template = [language, language == "de" ? "en" : "de"].lazy.compactMap { code in
            texts.first { $0.kind == kind && $0.language == code }.map { (subject: $0.subject ?? "", body: $0.body) }
                ?? (kind == .rejected ? Self.defaultRejected[code] : nil)
        }.first
        guard let template else { return }

        let now = context.now()
        let sender = mail.from.first.flatMap { try? AddressRules.normalise($0.address) }
        let ownAddresses = Set(master.queues.compactMap { $0.systemAddress?.lowercased() })
        if let reason = LoopGuard.reason(against: mail, sender: sender, ownAddresses: ownAddresses) {
            try await suppressed(ticket.id, reason: reason.rawValue, at: now)
            return
        }
        guard let sender else { return }
        let day = TicketService.dayKey(now, timeZone: context.configuration.timeZone)
        let cap = context.configuration.autoResponseDailyCap
        let values = [
            "ticket.number": ticket.number, "ticket.title": ticket.title, "queue.name": queue.name,
            "customer.name": mail.from.first?.name ?? sender, "customer.email": sender, "mail.subject": mail.subject ?? "",
        ]
        var subject = MailTemplate.render(template.subject, values: values)
        if !subject.contains("Ticket#\(ticket.number)") { subject = "[Ticket#\(ticket.number)] " + subject }
        let signature = texts.first { $0.kind == .signature }.map { "\n\n-- \n" + MailTemplate.render($0.body, values: values) } ?? ""
        var outgoing = OutgoingMail(from: MailAddress(systemAddress, name: queue.name), to: [MailAddress(sender, name: mail.from.first?.name)],
                                    subject: subject, text: MailTemplate.render(template.body, values: values) + signature)
        outgoing.setReply(to: mail)
        outgoing.autoSubmitted = .autoReplied
        outgoing.extraHeaders = [("X-Loop", systemAddress)]
        outgoing.date = now
        let composed = try MailComposer(timeZone: context.configuration.timeZone).compose(outgoing)
        let draft = try ArticleDraft(automatic: outgoing, composed: composed)
        let fields = tickets.fields
        let sla = SLAKeeper(master: master)
        let article = draft
        try await context.database.transaction { db in
            let counts = QueueMailTextRepository(db)
            guard try await counts.autoResponses(to: sender, on: day) < cap else {
                try await HistoryRepository(db).append(ticketID: ticket.id, actorID: nil, field: "autoResponse", old: nil,
                                                       new: "suppressed: daily cap of \(cap) reached for \(sender)", at: now)
                return
            }
            try await counts.countAutoResponse(to: sender, on: day)
            let written = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: fields, sla: sla)
                .write(article, to: ticket, by: .system, touch: false)
            // RFC 3834 section 3.3: automatic answers go out with the null reverse path, so nothing answers them back.
            _ = try await OutboxRepository(db, dialect: dialect).enqueue(
                OutboxMessage(composed, ticketID: ticket.id, articleID: written.value.id, envelopeSender: "", at: now))
            try await HistoryRepository(db).append(ticketID: ticket.id, actorID: nil, field: "autoResponse", old: nil, new: kind.rawValue, at: now)
        }
    }

    private func suppressed(_ ticketID: Int64, reason: String, at now: Date) async throws {
        try await context.database.transaction { db in
            try await HistoryRepository(db).append(ticketID: ticketID, actorID: nil, field: "autoResponse", old: nil, new: "suppressed: \(reason)", at: now)
        }
    }

    /// English when the mail says it is written in English (Content-Language) or its sender prefers it
    /// (Accept-Language), else German.
    static func language(of mail: MailMessage) -> String {
        let declared = (mail.headers["Content-Language"] ?? mail.headers["Accept-Language"] ?? "").lowercased()
        return declared.hasPrefix("en") ? "en" : "de"
    }
}
