import Domain
import Foundation
import Store

/// The use cases of the outbox delivery worker: lease due messages, record the moment of no return, and record
/// how each attempt ended. Final failures are shown on the ticket as an internal system article and in its history.
///
/// The guarantee (docs/mail.md): the final line of a message, which makes the server accept it, is written at most
/// once across all nodes. A node writes it only after `markCommitting` succeeded under its valid lease; a message
/// so marked is never leased again.
public struct OutboxDelivery: Sendable {
    let context: ServiceContext
    let tickets: TicketService
    let policy: OutboxPolicy

    public init(context: ServiceContext, tickets: TicketService, policy: OutboxPolicy) {
        self.context = context
        self.tickets = tickets
        self.policy = policy
    }

    /// Leases up to `limit` due messages to `owner`. First gives up, as `unconfirmed`, on messages whose node
    /// died after sending their final line, and tells their tickets.
    public func claim(owner: String, limit: Int) async throws -> [OutboxMessage] {
        let now = context.now()
        let dialect = context.database.dialect
        let reason = "The connection was lost after the message was handed to the mail server; it was probably delivered. It is not sent again."
        let abandoned = try await context.database.transaction { db in
            try await OutboxRepository(db, dialect: dialect).abandonCommitted(now: now, reason: reason)
        }
        for message in abandoned { try await report(message) }
        return try await context.database.transaction { db in
            try await OutboxRepository(db, dialect: dialect).claim(
                owner: owner, now: now, leaseUntil: now.addingTimeInterval(policy.lease), limit: limit)
        }
    }

    /// Records that `owner` is about to send the message's final line; false when its lease has passed to another
    /// node (then the final line must not be sent).
    public func markCommitting(_ id: Int64, owner: String) async throws -> Bool {
        let now = context.now()
        let dialect = context.database.dialect
        return try await context.database.transaction { db in
            try await OutboxRepository(db, dialect: dialect).markCommitting(id, owner: owner, now: now)
        }
    }

    /// Records that the server accepted the message.
    public func recordSent(_ id: Int64, owner: String, reply: String) async throws {
        let now = context.now()
        let dialect = context.database.dialect
        _ = try await context.database.transaction { db in
            try await OutboxRepository(db, dialect: dialect).markSent(id, owner: owner, reply: reply, now: now)
        }
    }

    /// Records a failed attempt. `uncertain` failures (the connection broke after the final line) end as
    /// `unconfirmed`; `permanent` ones, and transient ones after the last allowed attempt, as `failed`; other
    /// transient ones are queued again after the backoff.
    public func recordFailure(_ message: OutboxMessage, owner: String, error: String, permanent: Bool, uncertain: Bool) async throws {
        let now = context.now()
        let dialect = context.database.dialect
        let status: OutboxStatus = uncertain ? .unconfirmed
            : (permanent || message.attempts >= policy.maximumAttempts ? .failed : .queued)
        let retryAt = status == .queued ? now.addingTimeInterval(policy.backoff(afterAttempts: message.attempts)) : nil
        let finished = try await context.database.transaction { db in
            try await OutboxRepository(db, dialect: dialect).finishAttempt(
                message.id, owner: owner, status: status, error: String(error.prefix(2000)), retryAt: retryAt, now: now)
        }
        if let finished, finished.status.isFinal { try await report(finished) }
    }

    /// The outbox messages of a ticket, oldest first (agents who may read the ticket).
    public func messages(ofTicket id: Int64, for principal: Principal) async throws -> [OutboxEntry] {
        try AccessPolicy.requireAgent(principal)
        let dialect = context.database.dialect
        return try await context.database.read { db in
            let ticket = try await tickets.requireTicket(id, for: principal, db: db)
            return try await OutboxRepository(db, dialect: dialect).messages(ofTicket: ticket.id).map(OutboxEntry.init)
        }
    }

    /// Sends a `failed` or `unconfirmed` mail of the ticket again (agents with the reply right): an agent's decision,
    /// since an unconfirmed mail has probably arrived. Other states are a conflict.
    public func retry(_ outboxID: Int64, ofTicket id: Int64, by principal: Principal) async throws -> OutboxEntry {
        try AccessPolicy.requireAgent(principal)
        let now = context.now()
        let dialect = context.database.dialect
        return try await context.database.transaction { db in
            let ticket = try await tickets.requireTicket(id, for: principal, db: db, forUpdate: true)
            try AccessPolicy.require(principal, .reply, in: ticket.queueID)
            let repository = OutboxRepository(db, dialect: dialect)
            guard let message = try await repository.requeue(outboxID, ofTicket: ticket.id, now: now) else {
                guard try await repository.messages(ofTicket: ticket.id).contains(where: { $0.id == outboxID }) else {
                    throw DomainError.notFound("No outgoing mail \(outboxID) on this ticket.")
                }
                throw DomainError.conflict("Only failed or unconfirmed mail can be sent again.")
            }
            try await HistoryRepository(db).append(ticketID: ticket.id, actorID: principal.isSystem ? nil : principal.userID,
                                                   field: "mailDelivery", old: message.messageID, new: "retry", at: now)
            return OutboxEntry(message)
        }
    }

    /// Tells the message's ticket that it failed or is unconfirmed: an internal system article naming the
    /// recipients and the error, and a history entry.
    private func report(_ message: OutboxMessage) async throws {
        guard let ticketID = message.ticketID else { return }
        let now = context.now()
        let dialect = context.database.dialect
        let recipients = message.envelopeRecipients.joined(separator: ", ")
        let (subject, summary) = message.status == .unconfirmed
            ? ("Zustellung unbestätigt / Delivery unconfirmed", "Zustellung nicht bestätigt / delivery not confirmed")
            : ("Zustellung fehlgeschlagen / Delivery failed", "Zustellung fehlgeschlagen / delivery failed")
        let body = """
            \(summary): <\(message.messageID)> an/to \(recipients)
            \(message.lastError ?? "")
            """
        var input = NewArticle(subject: subject, body: body, customerVisible: false)
        input.channel = .system
        let draft = try ArticleDraft(input: input, principal: .system, maxAttachmentBytes: 0, fieldPrefix: "")
        let sla = SLAKeeper(master: try await tickets.masterData.current(context.database))
        try await context.database.transaction { db in
            guard let ticket = try await TicketRepository(db, dialect: dialect).findForUpdate(ticketID, in: .everything) else { return }
            _ = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: tickets.fields, sla: sla)
                .write(draft, to: ticket, by: .system, touch: true)
            try await HistoryRepository(db).append(
                ticketID: ticket.id, actorID: nil, field: "mailDelivery", old: message.messageID, new: message.status.rawValue, at: now)
        }
    }
}
