import Domain
import Foundation
import Store

/// One administrative change as the change log shows it: who changed which object how, and when. Read from the
/// event log, where every administration use case appends its change in the same transaction.
public struct AdminChange: Sendable, Encodable, Equatable {
    /// The event's id; the log pages by it.
    public var id: Int64
    public var at: Date
    /// Who made the change; nil for the system (seeding, the command line).
    public var actorId: Int64?
    public var actorLogin: String?
    /// What kind of object changed: `queues`, `states`, `priorities`, `ticket_types`, `services`, `calendars`,
    /// `slas`, `slaConfiguration`, `user`, `role`, `field`, `mail_accounts`, `mail_filters`, `queue_mail_texts`,
    /// `cmdbClass`.
    public var kind: String
    /// `created`, `updated`, `deleted`, `deactivated`, `passwordSet`.
    public var action: String
    public var objectId: String?
    /// The object's name when the change was made.
    public var name: String?
}

/// The administrators' change log: the newest changes to master data, people, roles, fields, mail settings and
/// CMDB classes (administrators only).
public struct AdminChangeLog: Sendable {
    static let eventTypes = [EventType.masterDataChanged, EventType.cmdbClassChanged]
    let context: ServiceContext

    public init(context: ServiceContext) {
        self.context = context
    }

    /// Up to `limit` changes, newest first, older than the change `cursor` when one is given.
    public func recent(before cursor: Int64? = nil, limit: Int, by principal: Principal) async throws -> Page<AdminChange> {
        try AccessPolicy.requireAdmin(principal)
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        let (events, logins) = try await context.database.read { db in
            let events = try await EventRepository(db).latest(ofTypes: Self.eventTypes, before: cursor, limit: limit + 1)
            let actors = Set(events.compactMap(\.actorID)).filter { $0 != 0 }
            var logins: [Int64: String] = [:]
            for id in actors { logins[id] = try await UserRepository(db).find(id)?.login }
            return (events, logins)
        }
        return Page(fetched: events.map { Self.change($0, logins: logins) }, limit: limit, cursor: \.id)
    }

    /// The newest change of one object (`kind` as in `AdminChange.kind`), looked for among the newest 1,000 changes;
    /// nil when none is among them. Stale-edit explanations name who changed the object and when.
    public func latest(kind: String, objectId: Int64, by principal: Principal) async throws -> AdminChange? {
        var cursor: Int64?
        for _ in 0..<5 {
            let page = try await recent(before: cursor, limit: 200, by: principal)
            if let found = page.items.first(where: { $0.kind == kind && $0.objectId == String(objectId) }) { return found }
            guard let next = page.next.flatMap(Int64.init) else { return nil }
            cursor = next
        }
        return nil
    }

    private static func change(_ event: DomainEvent, logins: [Int64: String]) -> AdminChange {
        let payload = (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) as? [String: Any] ?? [:]
        let actor = event.actorID.flatMap { $0 == 0 ? nil : $0 }
        if event.type == EventType.cmdbClassChanged {
            return AdminChange(
                id: event.id, at: event.createdAt, actorId: actor, actorLogin: actor.flatMap { logins[$0] }, kind: "cmdbClass",
                action: "updated", objectId: payload["classId"] as? String, name: nil
            )
        }
        return AdminChange(
            id: event.id, at: event.createdAt, actorId: actor, actorLogin: actor.flatMap { logins[$0] },
            kind: payload["kind"] as? String ?? "unknown", action: payload["action"] as? String ?? "updated",
            objectId: payload["id"] as? String, name: payload["name"] as? String
        )
    }
}
