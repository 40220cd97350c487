import Domain
import Foundation

/// One change applied to many tickets at once: attributes, an internal note, or a merge into one ticket.
public struct BulkTicketChange: Sendable, Decodable {
    public var ticketIds: [Int64]
    public var stateId: Int64?
    /// Required when the new state is a pending one.
    public var pendingUntil: Date?
    public var ownerId: Int64?
    public var queueId: Int64?
    public var priorityId: Int64?
    /// An internal note added to every ticket.
    public var note: String?
    /// Merges every ticket into this one (applied after the other changes).
    public var mergeIntoId: Int64?

    public init(ticketIds: [Int64]) {
        self.ticketIds = ticketIds
    }

    /// How many tickets one bulk change may touch.
    public static let maxTickets = 500

    var changesAttributes: Bool { stateId != nil || ownerId != nil || queueId != nil || priorityId != nil }
}

/// What a bulk change did to one ticket: done, or why not.
public struct BulkTicketOutcome: Sendable, Encodable, Equatable {
    public var id: Int64
    public var ok: Bool
    /// The HTTP status the single change would have got (403, 404, 409, 422 …) when it failed.
    public var status: Int?
    public var error: String?
}

extension TicketService {
    /// Applies `change` to every ticket, each in its own transaction through the same use cases as a single
    /// change (update, note, merge), so every permission and rule holds; one ticket's failure does not stop the others.
    public func bulk(_ change: BulkTicketChange, by principal: Principal) async throws -> [BulkTicketOutcome] {
        let ids = change.ticketIds.reduce(into: [Int64]()) { unique, id in if !unique.contains(id) { unique.append(id) } }
        guard (1...BulkTicketChange.maxTickets).contains(ids.count) else {
            throw DomainError.invalid(FieldIssue(field: "ticketIds", .outOfRange(min: "1", max: String(BulkTicketChange.maxTickets))))
        }
        let note = change.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard change.changesAttributes || !(note ?? "").isEmpty || change.mergeIntoId != nil else {
            throw DomainError.invalid("Choose at least one change.", issues: [FieldIssue(field: "stateId", .required)])
        }
        var changes = TicketChanges()
        changes.stateId = change.stateId
        changes.queueId = change.queueId
        changes.priorityId = change.priorityId
        changes.ownerId = change.ownerId.map { .set($0) }
        changes.pendingUntil = change.pendingUntil.map { .set($0) }
        var outcomes: [BulkTicketOutcome] = []
        for id in ids {
            do {
                if change.changesAttributes {
                    _ = try await update(id, changes, expectedVersion: nil, by: principal)
                }
                if let note, !note.isEmpty {
                    var article = NewArticle(body: note, customerVisible: false)
                    article.channel = .note
                    _ = try await addArticle(to: id, article, by: principal)
                }
                if let target = change.mergeIntoId, target != id {
                    _ = try await merge(id, into: target, by: principal)
                }
                outcomes.append(BulkTicketOutcome(id: id, ok: true))
            } catch let error as DomainError {
                outcomes.append(BulkTicketOutcome(id: id, ok: false, status: error.httpStatus, error: error.message))
            }
        }
        return outcomes
    }
}
