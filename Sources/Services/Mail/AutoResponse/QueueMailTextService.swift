import Domain
import Foundation
import Store

/// Administration of a queue's signature and automatic answers.
public struct QueueMailTextService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    public func texts(ofQueue queueID: Int64, by principal: Principal) async throws -> QueueMailTexts {
        try AccessPolicy.requireAdmin(principal)
        try await requireQueue(queueID)
        return QueueMailTexts(try await context.database.read { db in try await QueueMailTextRepository(db).texts(ofQueue: queueID) })
    }

    /// Replaces the queue's texts with `input`, after checking it completely; the change is recorded as an event.
    public func replace(ofQueue queueID: Int64, with input: QueueMailTexts, by principal: Principal) async throws -> QueueMailTexts {
        try AccessPolicy.requireAdmin(principal)
        let queue = try await requireQueue(queueID)
        let texts = try input.validated()
        let now = context.now()
        try await context.database.transaction { db in
            try await QueueMailTextRepository(db).replace(ofQueue: queueID, with: texts)
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "queue_mail_texts", "id": String(queueID), "name": queue.name, "action": "updated"]), at: now
            )
        }
        return QueueMailTexts(texts)
    }

    @discardableResult
    private func requireQueue(_ id: Int64) async throws -> Queue {
        guard let queue = try await masterData.current(context.database).queue(id) else { throw DomainError.notFound("No queue \(id).") }
        return queue
    }
}
