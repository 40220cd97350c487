import Domain
import Foundation
import SQLKit
import Store

/// Rebuilds a ticket's two search documents (the full one for agents, the customer one) from what is stored,
/// with the same rules as writing them piece by piece: number, title and text-like field values in the head;
/// article addresses, subjects, texts, attachment names and article field values in the body. A customer-
/// visible article contributes only its customer-visible field values (customers search that text too);
/// the customer document holds only customer-visible articles and fields.
struct TicketSearchDocuments {
    let db: any SQLDatabase
    let dialect: Dialect

    func rebuild(_ ticket: Ticket) async throws {
        let fields = FieldRepository(db)
        let ticketDefinitions = try await fields.definitions(for: .ticket)
        let articleDefinitions = try await fields.definitions(for: .article)
        let stored = try await fields.values(object: .ticket, objectIDs: [ticket.id])[ticket.id] ?? [:]
        let articles = try await ArticleRepository(db).articles(ofTicket: ticket.id, includeInternal: true)
        let articleValues = try await fields.values(object: .article, objectIDs: articles.map(\.id))
        let attachments = try await AttachmentRepository(db).attachments(ofTicket: ticket.id)

        func texts(_ values: [Int64: String], of definitions: [FieldDefinition]) -> [String] {
            definitions.compactMap { definition in
                definition.id.flatMap { values[$0] }.flatMap { FieldValue(storageString: $0, type: definition.type) }?.searchText
            }
        }
        func head(_ definitions: [FieldDefinition]) -> String {
            ([ticket.number, ticket.title] + texts(stored, of: definitions)).joined(separator: " ")
        }
        func body(_ articles: [Article]) -> String {
            articles.flatMap { article -> [String] in
                let own = [article.subject, article.from, article.to, article.cc, article.bodyText].compactMap { $0 }
                let files = attachments.filter { $0.articleID == article.id }.map(\.filename)
                let definitions = article.customerVisible ? articleDefinitions.filter(\.customerVisible) : articleDefinitions
                return own + files + texts(articleValues[article.id] ?? [:], of: definitions)
            }.joined(separator: " ")
        }
        try await SearchIndex(db, dialect: dialect).index(
            ticketID: ticket.id, head: head(ticketDefinitions), body: body(articles),
            customerHead: head(ticketDefinitions.filter(\.customerVisible)), customerBody: body(articles.filter(\.customerVisible))
        )
    }
}
