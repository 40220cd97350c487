import Domain
import Foundation
import SQLKit
import Store

extension TicketService {
    /// Adds an article. Agents need `reply` for customer-visible articles and `note` for internal ones;
    /// customers may add customer-visible articles to their own tickets. Articles for a merged ticket go to
    /// the ticket it was merged into. With `send`, the article is mailed (see `EmailArticleSender`). With
    /// `expectedVersion`, a ticket changed in between is refused with `stale` and nothing is written.
    public func addArticle(to id: Int64, _ input: NewArticle, expectedVersion: Int64? = nil, by principal: Principal) async throws -> Fielded<Article> {
        let draft = try ArticleDraft(input: input, principal: principal, maxAttachmentBytes: context.configuration.maxAttachmentBytes, fieldPrefix: "")
        let now = context.now()
        let dialect = context.database.dialect
        let configuration = context.configuration
        let master = try await masterData.current(context.database)
        let sla = SLAKeeper(master: master)
        return try await context.database.transaction { db in
            let addressed = try await requireTicket(id, for: principal, db: db, forUpdate: true)
            try Self.requireVersion(expectedVersion, of: addressed)
            var ticket = try await followMerges(addressed, for: principal, db: db)
            if principal.isAgent || principal.isAdmin {
                try AccessPolicy.require(principal, draft.customerVisible || draft.send ? .reply : .note, in: ticket.queueID)
            } else {
                switch try await followUp(ticket, actorID: principal.actorID, db: db, master: master, now: now) {
                case .open(let current), .reopened(let current): ticket = current
                case .rejected, .newTicket: throw DomainError.conflict("This request is closed; please submit a new one.")
                }
            }
            if draft.send {
                return try await EmailArticleSender(db: db, dialect: dialect, now: now, configuration: configuration, fields: fields, sla: sla)
                    .send(draft, to: ticket, queue: master.queue(ticket.queueID), by: principal)
            }
            return try await ArticleWriter(db: db, dialect: dialect, now: now, fields: fields, sla: sla).write(draft, to: ticket, by: principal, touch: true)
        }
    }

    /// The articles of a ticket the principal may see; customers get only customer-visible ones.
    public func articles(of id: Int64, for principal: Principal) async throws -> [Fielded<Article>] {
        let customerView = !AccessPolicy.seesInternals(principal)
        return try await context.database.read { db in
            guard let (articles, stored) = try await ArticleRepository(db).articlesWithFieldValues(
                ofTicket: id, in: AccessPolicy.ticketScope(for: principal), includeInternal: !customerView
            ) else { throw DomainError.notFound("No ticket \(id).") }
            let values = try await fields.named(stored, object: .article, customerView: customerView, db: db)
            return articles.map { Fielded($0, fields: values[$0.id] ?? [:]) }
        }
    }

    /// The attachments of a ticket's visible articles.
    public func attachments(of id: Int64, for principal: Principal) async throws -> [Attachment] {
        try await context.database.read { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            let visible = Set(try await ArticleRepository(db).articles(ofTicket: ticket.id, includeInternal: AccessPolicy.seesInternals(principal)).map(\.id))
            return try await AttachmentRepository(db).attachments(ofTicket: ticket.id).filter { visible.contains($0.articleID) }
        }
    }

    /// An attachment with its content, if its ticket and article are visible to the principal.
    public func attachment(_ id: Int64, for principal: Principal) async throws -> (Attachment, [UInt8]) {
        let scope = AccessPolicy.ticketScope(for: principal)
        let includeInternal = AccessPolicy.seesInternals(principal)
        return try await context.database.read { db in
            let repository = AttachmentRepository(db)
            guard let attachment = try await repository.find(id, in: scope, includeInternal: includeInternal),
                  let content = try await repository.content(digest: attachment.digest)
            else { throw DomainError.notFound("No attachment \(id).") }
            return (attachment, content)
        }
    }

    /// The change history of a ticket (agents only). Links and merges that name a ticket the principal may
    /// not read show "–" instead of its id or number, so the history does not reveal it.
    public func history(of id: Int64, for principal: Principal) async throws -> [HistoryEntry] {
        try AccessPolicy.requireAgent(principal)
        let dialect = context.database.dialect
        return try await context.database.read { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            let entries = try await HistoryRepository(db).entries(ofTicket: ticket.id)
            let references = HistoryTicketReferences(entries)
            let visible = try await TicketRepository(db, dialect: dialect).visible(
                ids: references.ids, numbers: references.numbers, in: AccessPolicy.ticketScope(for: principal))
            return references.redacting(entries, visibleIDs: visible.ids, visibleNumbers: visible.numbers)
        }
    }
}
