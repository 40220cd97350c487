import Domain
import Foundation
import Store

/// Published solutions: agents mark customer-visible answers of their tickets as solutions; while requesters type
/// a title, the best-matching published answers of tickets that are solved or closed are offered as hints.
public struct SolutionService: Sendable {
    /// The most hints one answer carries.
    static let maxHints = 10

    let context: ServiceContext
    let tickets: TicketService

    public init(context: ServiceContext, tickets: TicketService) {
        self.context = context
        self.tickets = tickets
    }

    /// Publishes (or withdraws) article `articleID` of ticket `ticketID` as a solution; agents need `reply` in
    /// the ticket's queue, and only customer-visible articles of agents qualify.
    public func publish(_ articleID: Int64, of ticketID: Int64, published: Bool, by principal: Principal) async throws -> SolutionState {
        try AccessPolicy.requireAgent(principal)
        let now = context.now()
        let dialect = context.database.dialect
        return try await context.database.transaction { db in
            let ticket = try await tickets.requireTicket(ticketID, for: principal, db: db, forUpdate: true)
            try AccessPolicy.require(principal, .reply, in: ticket.queueID)
            guard let article = try await ArticleRepository(db).find(articleID), article.ticketID == ticket.id else {
                throw DomainError.notFound("No article \(articleID) on this ticket.")
            }
            guard article.customerVisible, article.sender == .agent else {
                throw DomainError.invalid(FieldIssue(field: "published", .notAllowed, detail: "Only customer-visible answers of agents can be published as solutions."))
            }
            let solutions = SolutionRepository(db, dialect: dialect)
            let wasPublished = try await solutions.isPublished(articleID)
            if published, !wasPublished {
                try await solutions.publish(articleID: articleID, ticketID: ticket.id, title: ticket.title, text: article.bodyText, by: principal.actorID, at: now)
            } else if !published, wasPublished {
                try await solutions.unpublish(articleID)
            }
            if published != wasPublished {
                try await HistoryRepository(db).append(ticketID: ticket.id, actorID: principal.actorID, field: "solution",
                                                       old: nil, new: "\(published ? "published" : "withdrawn") #\(articleID)", at: now)
            }
            return SolutionState(articleId: articleID, ticketId: ticket.id, published: published)
        }
    }

    /// Published solutions matching a title fragment, best first (anyone may ask: published answers are public).
    public func hints(for fragment: String, limit: Int) async throws -> [SolutionHint] {
        guard (1...Self.maxHints).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: String(Self.maxHints)))) }
        guard fragment.count <= 200 else { throw DomainError.invalid(FieldIssue(field: "q", .tooLong(max: 200))) }
        let query: SearchQuery
        do {
            query = try SearchQuery.parse(fragment)
        } catch {
            throw DomainError.invalid(error.issue(field: "q"))
        }
        let dialect = context.database.dialect
        guard let expression = dialect == .sqlite ? query.ftsAnyTermExpression() : query.tsQueryAnyTermExpression() else { return [] }
        return try await context.database.read { db in try await SolutionRepository(db, dialect: dialect).hints(matching: expression, limit: limit) }
    }
}

/// Whether an article is published as a solution.
public struct SolutionState: Sendable, Encodable {
    public var articleId: Int64
    public var ticketId: Int64
    public var published: Bool
}
