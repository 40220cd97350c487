import Domain
import Foundation
import SQLKit
import Store

/// What an agent chooses when splitting an article off into a new ticket; both are optional.
public struct ArticleSplit: Sendable, Decodable {
    /// The new ticket's title; default: the article's subject, else the original ticket's title.
    public var title: String?
    /// The new ticket's queue; default: the original ticket's queue.
    public var queueId: Int64?

    public init(title: String? = nil, queueId: Int64? = nil) {
        self.title = title
        self.queueId = queueId
    }
}

extension TicketService {
    /// Splits article `articleID` of ticket `id` off into a new ticket: the new ticket gets the article's content
    /// (text, HTML, addresses, channel, sender, attachments), the original's requester, type and service, and a
    /// `relates` link to the original; both tickets get a history row. Needs `note` in the original's queue and
    /// `create` in the new one. With `expectedVersion`, an original changed in between is refused with `stale`.
    public func split(
        article articleID: Int64, of id: Int64, _ input: ArticleSplit, expectedVersion: Int64?, by principal: Principal
    ) async throws -> TicketView {
        try AccessPolicy.requireAgent(principal)
        let (source, article, files) = try await context.database.read { db in
            let source = try await requireTicket(id, for: principal, db: db)
            guard let article = try await ArticleRepository(db).find(articleID), article.ticketID == source.id else {
                throw DomainError.notFound("No article \(articleID) on ticket \(source.number).")
            }
            let repository = AttachmentRepository(db)
            var files: [ArticleDraft.File] = []
            for attachment in try await repository.attachments(ofTicket: source.id) where attachment.articleID == articleID {
                guard let content = try await repository.content(digest: attachment.digest) else { continue }
                files.append(ArticleDraft.File(filename: attachment.filename, contentType: attachment.contentType, content: content,
                                               contentID: attachment.contentID))
            }
            return (source, article, files)
        }
        try AccessPolicy.require(principal, .note, in: source.queueID)
        guard source.mergedIntoID == nil else { throw DomainError.conflict("Ticket \(source.number) is merged; split the ticket it was merged into.") }
        try Self.requireVersion(expectedVersion, of: source)

        var ticket = NewTicket(title: input.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? article.subject ?? source.title)
        if ticket.title.isEmpty { ticket.title = source.title }
        ticket.queueId = input.queueId ?? source.queueID
        ticket.contactId = source.contactID
        ticket.typeId = source.typeID
        ticket.serviceId = source.serviceID
        var draft = try ArticleDraft(
            input: NewArticle(subject: article.subject, body: article.bodyText.isEmpty ? "-" : article.bodyText, customerVisible: article.customerVisible),
            principal: principal, maxAttachmentBytes: Int.max
        )
        draft.channel = article.channel
        draft.sender = article.sender
        draft.bodyText = article.bodyText
        draft.bodyHTML = article.bodyHTML
        draft.from = article.from
        draft.to = article.to
        draft.cc = article.cc
        draft.files = files
        let now = context.now()
        let actor = principal.userID
        return try await create(ticket, article: draft, by: principal) { db, created in
            let current = try await requireTicket(id, for: principal, db: db, forUpdate: true)
            try Self.requireVersion(expectedVersion, of: current)
            let link = try await LinkRepository(db).insert(Link(
                id: 0, type: .relates, sourceTicketID: id, targetObject: .ticket, targetID: created.id, createdAt: now, createdBy: actor
            ))
            let history = HistoryRepository(db)
            try await history.append(ticketID: id, actorID: actor, field: "split", old: "#\(articleID)", new: created.number, at: now)
            try await history.append(ticketID: created.id, actorID: actor, field: "splitFrom", old: nil, new: "\(current.number) #\(articleID)", at: now)
            try await EventRepository(db).append(type: EventType.linkCreated, ticketID: id, actorID: actor,
                                                 payload: EventPayload.json(["linkId": String(link.id), "type": link.type.rawValue]), at: now)
        }.ticket
    }
}
