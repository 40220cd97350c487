import Domain
import Foundation
import SQLKit
import Store

/// Administration of a queue's signature and automatic answers.
public struct QueueMailTextService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    /// The queue's texts with their version: one for all of them, as they are saved together.
    public func texts(ofQueue queueID: Int64, by principal: Principal) async throws -> Versioned<QueueMailTexts> {
        try AccessPolicy.requireAdmin(principal)
        try await requireQueue(queueID)
        let found = try await context.database.read { db in
            try await Versioned.current(QueueMailTexts(try await QueueMailTextRepository(db).texts(ofQueue: queueID)), in: Self.versions(db), id: queueID)
        }
        guard let found else { throw DomainError.notFound("No queue \(queueID).") }
        return found
    }

    /// Replaces the queue's texts with `input`, after checking it completely; the change is recorded as an event.
    /// With `expectedVersion`, texts changed meanwhile are refused as stale.
    public func replace(
        ofQueue queueID: Int64, with input: QueueMailTexts, expectedVersion: Int64? = nil, by principal: Principal
    ) async throws -> Versioned<QueueMailTexts> {
        try AccessPolicy.requireAdmin(principal)
        let queue = try await requireQueue(queueID)
        let texts = try input.validated()
        let now = context.now()
        let version = try await context.database.transaction { db in
            let version = try await Versioned<QueueMailTexts>.advance(Self.versions(db), queueID, from: expectedVersion, kind: "queue mail texts")
            try await QueueMailTextRepository(db).replace(ofQueue: queueID, with: texts)
            try await EventRepository(db).append(
                type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
                payload: EventPayload.json(["kind": "queue_mail_texts", "id": String(queueID), "name": queue.name, "action": "updated"]), at: now
            )
            return version
        }
        return Versioned(QueueMailTexts(texts), version: version)
    }

    /// The version of a queue's mail texts: a column of the queue, apart from the queue's own version.
    private static func versions(_ db: any SQLDatabase) -> RowVersions {
        RowVersions(db, table: "queues", column: "mail_texts_version")
    }

    @discardableResult
    private func requireQueue(_ id: Int64) async throws -> Queue {
        guard let queue = try await masterData.current(context.database).queue(id) else { throw DomainError.notFound("No queue \(id).") }
        return queue
    }
}
