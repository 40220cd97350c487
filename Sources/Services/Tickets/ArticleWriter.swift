import Domain
import Foundation
import SQLKit
import Store

/// Stores an article with its attachments and field values inside the caller's transaction: blobs
/// deduplicated, search index appended, time booked, SLA clocks advanced, history and event written.
struct ArticleWriter {
    let db: any SQLDatabase
    let dialect: Dialect
    let now: Date
    let fields: FieldService
    let sla: SLAKeeper
    /// The field definitions of every object, if the caller has read them already; else the writer reads the article's.
    var fieldDefinitions: [FieldDefinition]? = nil

    /// Writes the article. On an existing ticket (`touch`), the ticket is marked changed and a customer-visible
    /// article moves its SLA clocks; a new ticket's clocks start with the ticket. For a new ticket's first article, `newSearchDocuments` gives the heads of the ticket's
    /// search documents, which do not exist yet: the writer creates them with the article's text as their body,
    /// just as creating them empty and appending the article would.
    func write(
        _ draft: ArticleDraft, to ticket: Ticket, by principal: Principal, touch: Bool,
        newSearchDocuments: (head: String, customerHead: String)? = nil
    ) async throws -> Fielded<Article> {
        var journal = ChangeJournal()
        let article = try await write(draft, to: ticket, by: principal, touch: touch, newSearchDocuments: newSearchDocuments, journal: &journal)
        try await journal.write(to: db, at: now)
        return article
    }

    /// Writes the article but leaves its history entry and event in `journal`, for the caller to write with its own.
    func write(
        _ draft: ArticleDraft, to ticket: Ticket, by principal: Principal, touch: Bool,
        newSearchDocuments: (head: String, customerHead: String)?, journal: inout ChangeJournal
    ) async throws -> Fielded<Article> {
        let actor = principal.actorID
        let customerView = !AccessPolicy.seesInternals(principal)
        let fieldValues: [ValidatedField]
        do {
            fieldValues = try await fields.validate(draft.fieldInputs, for: .article, db: db, customerView: customerView, known: fieldDefinitions)
        } catch DomainError.invalid(let message, let issues) {
            throw DomainError.invalid(message, issues: issues.map { $0.moved(to: draft.fieldPrefix + $0.field) })
        }
        let article = try await ArticleRepository(db).insert(Article(
            id: 0, ticketID: ticket.id, channel: draft.channel, sender: draft.sender, customerVisible: draft.customerVisible,
            from: draft.from, to: draft.to, cc: draft.cc, subject: draft.subject, bodyText: draft.bodyText, bodyHTML: draft.bodyHTML,
            messageID: draft.messageID, inReplyTo: draft.inReplyTo, references: draft.references, createdAt: now, createdBy: actor
        ))
        let attachments = AttachmentRepository(db)
        for file in draft.files {
            let digest = Secrets.digest(file.content)
            try await attachments.storeBlob(digest: digest, content: file.content)
            _ = try await attachments.insert(Attachment(
                id: 0, articleID: article.id, ticketID: ticket.id, filename: file.filename, contentType: file.contentType,
                size: file.content.count, digest: digest, contentID: file.contentID
            ))
        }
        try await fields.store(fieldValues, object: .article, objectID: article.id, db: db)
        // A customer-visible article's internal field text stays out of the index, which customers search too.
        let fieldTexts = fieldValues.filter { !draft.customerVisible || $0.definition.customerVisible }.compactMap { $0.value?.searchText }
        let searchable = [draft.subject, draft.from, draft.to, draft.cc, draft.bodyText].compactMap { $0 } + draft.files.map(\.filename) + fieldTexts
        let text = searchable.joined(separator: " ")
        if let heads = newSearchDocuments {
            try await SearchIndex(db, dialect: dialect).index(
                ticketID: ticket.id, head: heads.head, body: " " + text,
                customerHead: heads.customerHead, customerBody: draft.customerVisible ? " " + text : "", isNew: true, holding: &journal.held
            )
        } else {
            try await SearchIndex(db, dialect: dialect).append(ticketID: ticket.id, body: text, customerVisible: draft.customerVisible, holding: &journal.held)
        }
        if let minutes = draft.timeMinutes, minutes > 0, let actor {
            _ = try await TicketAssociations(db).insertTimeEntry(
                TimeEntry(id: 0, ticketID: ticket.id, userID: actor, minutes: minutes, note: nil, createdAt: now)
            )
        }
        if touch {
            let clocks = try await sla.clocks(after: article, on: ticket, db: db, dialect: dialect)
            try await TicketRepository(db, dialect: dialect).touch(ticket.id, at: now, slaClocks: clocks)
        }
        journal.record(
            ticketID: ticket.id, actorID: actor, field: "article", old: nil,
            new: "\(draft.channel.rawValue)/\(draft.customerVisible ? "public" : "internal") #\(article.id)"
        )
        journal.record(
            event: EventType.articleCreated, ticketID: ticket.id, actorID: actor,
            payload: EventPayload.json(["articleId": String(article.id), "channel": draft.channel.rawValue,
                                        "customerVisible": String(draft.customerVisible)])
        )
        return Fielded(article, fields: Dictionary(uniqueKeysWithValues: fieldValues.compactMap { field in
            field.value.map { (field.definition.name, $0) }
        }))
    }
}
