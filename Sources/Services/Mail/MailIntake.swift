import Domain
import Foundation
import Mail
import SQLKit
import Store

/// Inbound mail, from every intake path (mailgate, IMAP, the REST endpoint): parse, find the ticket it
/// follows up (DESIGN.md, "Follow-up detection"), and file it — in one transaction, so a caller may
/// acknowledge the message once this returns and must not when it throws.
public struct MailIntake: Sendable {
    /// The largest raw message accepted.
    public static let maxMessageBytes = 50 * 1024 * 1024

    let context: ServiceContext
    let tickets: TicketService
    let masterData: MasterDataCache

    public init(context: ServiceContext, tickets: TicketService, masterData: MasterDataCache) {
        self.context = context
        self.tickets = tickets
        self.masterData = masterData
    }

    /// Files one raw RFC 5322 message (administrators and the system only). `queue` names the queue for new
    /// tickets when no system address matches (mailgate's `--queue`); without either, the first active
    /// top-level queue takes it. Postmaster filters run first (`MailFilterStage`); `trusted` lets them see
    /// `X-Ticketwerk-*` control headers. `ingest` calls it and then answers automatically.
    func file(_ raw: [UInt8], queue queueName: String?, trusted: Bool, by principal: Principal) async throws -> MailIntakeResult {
        try AccessPolicy.requireAdmin(principal)
        guard raw.count <= Self.maxMessageBytes else {
            throw DomainError.tooLarge("The message is larger than \(Self.maxMessageBytes / 1_048_576) MB.")
        }
        let mail = MIMEParser.parse(raw)
        let filters = MailFilterStage(context: context, fields: tickets.fields, masterData: masterData)
        let verdict = try await filters.verdict(for: mail, trusted: trusted)
        if let filterName = verdict.ignoredBy { return try await filters.keepIgnored(mail, by: filterName) }
        let master = try await masterData.current(context.database)
        let sender = mail.from.first.flatMap { try? AddressRules.normalise($0.address) }

        if let report = mail.deliveryReport, let original = report.originalMessageID,
           let filed = try await fileBounce(mail, originalMessageID: original, master: master) {
            return filed
        }
        if let target = try await followUpTarget(of: mail) {
            if let filed = try await fileFollowUp(mail, to: target, master: master) { return filed }
            let created = try await openTicket(for: mail, sender: sender, queueName: queueName, verdict: verdict, master: master)
            if let ticketID = created.ticketId {
                _ = try await tickets.link(ticketID, type: .relates, to: .ticket, targetID: target, by: .system)
            }
            return MailIntakeResult(outcome: .linkedTicket, ticketId: created.ticketId, number: created.number, articleId: created.articleId)
        }
        return try await openTicket(for: mail, sender: sender, queueName: queueName, verdict: verdict, master: master)
    }

    /// The ticket a mail follows up: one of our ticket numbers in the subject, else a Message-ID it refers to.
    private func followUpTarget(of mail: MailMessage) async throws -> Int64? {
        let systemID = context.configuration.systemID
        let numbers = TicketNumber.extract(fromSubject: mail.subject ?? "").filter { TicketNumber(validating: $0)?.systemID == systemID }
        let referenced = Array((mail.inReplyTo + mail.references.reversed()).prefix(100))
        return try await context.database.read { db in
            let repository = TicketRepository(db, dialect: context.database.dialect)
            for number in numbers {
                if let ticket = try await repository.find(number: number) { return ticket.id }
            }
            return try await ArticleRepository(db).ticketID(forMessageIDs: referenced)
        }
    }

    /// Adds the mail to the ticket (after merges), applying the queue's policy when the ticket is closed.
    /// Returns nil when the policy asks for a new linked ticket instead.
    private func fileFollowUp(_ mail: MailMessage, to ticketID: Int64, master: MasterData) async throws -> MailIntakeResult? {
        let now = context.now()
        let dialect = context.database.dialect
        return try await context.database.transaction { db -> MailIntakeResult? in
            guard let found = try await TicketRepository(db, dialect: dialect).findForUpdate(ticketID, in: .everything) else { return nil }
            var ticket = try await tickets.followMerges(found, for: .system, db: db)
            var outcome = MailIntakeResult.Outcome.followUp
            switch try await tickets.followUp(ticket, actorID: nil, db: db, master: master, now: now) {
            case .open(let current):
                ticket = current
            case .newTicket:
                return nil
            case .rejected:
                outcome = .rejected
                try await HistoryRepository(db).append(ticketID: ticket.id, actorID: nil, field: "followUp", old: nil, new: "rejected", at: now)
            case .reopened(let reopened):
                ticket = reopened
                outcome = .reopened
            }
            let article = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: tickets.fields, sla: SLAKeeper(master: master))
                .write(ArticleDraft(mail: mail, sender: .customer, customerVisible: true), to: ticket, by: .system, touch: true)
            return MailIntakeResult(outcome: outcome, ticketId: ticket.id, number: ticket.number, articleId: article.value.id)
        }
    }

    /// Files a delivery status report as an internal note on the ticket whose mail bounced; nil when unknown.
    private func fileBounce(_ mail: MailMessage, originalMessageID: String, master: MasterData) async throws -> MailIntakeResult? {
        let now = context.now()
        let dialect = context.database.dialect
        return try await context.database.transaction { db in
            guard let ticketID = try await ArticleRepository(db).ticketID(forMessageIDs: [originalMessageID]),
                  let found = try await TicketRepository(db, dialect: dialect).findForUpdate(ticketID, in: .everything)
            else { return nil }
            let ticket = try await tickets.followMerges(found, for: .system, db: db)
            let article = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: tickets.fields, sla: SLAKeeper(master: master))
                .write(ArticleDraft(mail: mail, sender: .system, customerVisible: false), to: ticket, by: .system, touch: true)
            return MailIntakeResult(outcome: .bounce, ticketId: ticket.id, number: ticket.number, articleId: article.value.id)
        }
    }

    /// Opens a new ticket for the mail in the queue of the system address it was sent to.
    private func openTicket(for mail: MailMessage, sender: String?, queueName: String?, verdict: MailFilterVerdict, master: MasterData) async throws -> MailIntakeResult {
        let recipients = Set((mail.to + mail.cc).map { $0.address.lowercased() }
            + ["Delivered-To", "X-Original-To"].compactMap { mail.headers[$0]?.trimmingCharacters(in: .whitespaces).lowercased() })
        let active = master.queues.filter(\.isActive)
        let queue = verdict.queueID.flatMap { id in active.first { $0.id == id } }
            ?? active.first { $0.systemAddress.map { recipients.contains($0.lowercased()) } ?? false }
            ?? queueName.flatMap { name in active.first { $0.name.lowercased() == name.lowercased() } }
            ?? active.first { $0.parentID == nil }
        guard let queue else { throw DomainError.conflict("No active queue can take mail.") }
        let subject = (mail.subject ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var input = NewTicket(title: subject.isEmpty ? "(ohne Betreff)" : String(subject.prefix(500)), customer: sender)
        input.customerName = mail.from.first { $0.address.lowercased() == sender?.lowercased() }?.name
        input.queueId = queue.id
        verdict.apply(to: &input)
        let (view, articleID) = try await tickets.create(input, article: ArticleDraft(mail: mail, sender: .customer, customerVisible: true), by: .system)
        return MailIntakeResult(outcome: .created, ticketId: view.id, number: view.number, articleId: articleID ?? 0)
    }
}
