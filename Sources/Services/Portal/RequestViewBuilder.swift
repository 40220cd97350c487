import Domain
import Foundation
import SQLKit
import Store

/// Builds what requesters see of their tickets — plain-words state, SLA promise, customer-visible messages — for
/// signed-in customers and for citizens with a status link alike.
struct RequestViewBuilder {
    let context: ServiceContext
    let tickets: TicketService

    func summaries(_ views: [TicketView], language: String) async throws -> [RequestSummary] {
        let master = try await tickets.masterData.current(context.database)
        let settings = try await context.database.read { db in try await PortalTextRepository(db).settings() }.resolved(states: master.states)
        let dialect = context.database.dialect
        let keeper = SLAKeeper(master: master)
        let clocked = try await context.database.read { db in try await TicketRepository(db, dialect: dialect).slaClocks(of: views.map(\.id)) }
        return views.map { view in
            var promise: RequestSummary.Promise?
            if let entry = clocked[view.id] {
                let calendar = keeper.calendar(for: entry.ticket, slaID: entry.clocks.terms.slaID)
                promise = SLAPromise(clocks: entry.clocks, timeZoneID: calendar.timeZoneID, language: language)
                    .map { RequestSummary.Promise(kind: $0.kind, dueAt: $0.dueAt, text: $0.text) }
            }
            let status = master.state(view.stateId).map { CustomerStatus(state: $0, solvedStateID: settings.solvedStateID) } ?? .inProgress
            return RequestSummary(
                ticketId: view.id, number: view.number, title: view.title, status: status, statusText: status.label(in: language),
                promise: promise, createdAt: view.createdAt, changedAt: view.changedAt
            )
        }
    }

    /// The request `ticketID` as `principal` (a customer, or a citizen through a status link) sees it.
    func detail(_ ticketID: Int64, for principal: Principal, language: String) async throws -> RequestDetail {
        let view = try await tickets.ticket(ticketID, for: principal)
        let articles = try await tickets.articles(of: ticketID, for: principal)
        let files = Dictionary(grouping: try await tickets.attachments(of: ticketID, for: principal), by: \.articleID)
        let record = try await context.database.read { db in try await PortalRequestRepository(db).find(ticketID: ticketID) }
        guard let summary = try await summaries([view], language: language).first else { throw DomainError.notFound("No request \(ticketID).") }
        return RequestDetail(
            request: summary, formId: record?.formID, formVersion: record?.formVersion, canConfirm: summary.status == .solved,
            messages: articles.map { fielded in
                let article = fielded.value
                return RequestMessage(
                    articleId: article.id, sender: article.sender, subject: article.subject, text: article.bodyText, html: article.bodyHTML,
                    createdAt: article.createdAt, attachments: (files[article.id] ?? []).map {
                        RequestMessage.File(attachmentId: $0.id, filename: $0.filename, contentType: $0.contentType, size: $0.size)
                    }
                )
            }
        )
    }
}
