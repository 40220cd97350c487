import Domain
import Foundation
import SQLKit
import Store

extension TicketService {
    /// Links a ticket to another ticket or a config item (needs `admin` in the ticket's queue; a linked ticket
    /// must be visible to the principal).
    public func link(_ id: Int64, type: LinkType, to targetObject: LinkObject, targetID: Int64, by principal: Principal) async throws -> Link {
        let now = context.now()
        return try await context.database.transaction { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            try AccessPolicy.require(principal, .admin, in: ticket.queueID)
            if targetObject == .ticket {
                guard targetID != id else { throw DomainError.invalid(FieldIssue(field: "targetId", .selfReference)) }
                _ = try await requireTarget(targetID, for: principal, db: db)
            } else if try await ConfigItemRepository(db, dialect: context.database.dialect).find(targetID) == nil {
                throw DomainError.invalid(FieldIssue(field: "targetId", .unknownReference(reference: String(targetID))))
            }
            let link = try await LinkRepository(db).insert(Link(
                id: 0, type: type, sourceTicketID: id, targetObject: targetObject, targetID: targetID, createdAt: now, createdBy: principal.userID
            ))
            try await HistoryRepository(db).append(ticketID: id, actorID: principal.userID, field: "link", old: nil, new: "\(type.rawValue) \(targetObject.rawValue) \(targetID)", at: now)
            try await EventRepository(db).append(type: EventType.linkCreated, ticketID: id, actorID: principal.userID,
                                                 payload: EventPayload.json(["linkId": String(link.id), "type": type.rawValue]), at: now)
            if targetObject == .configItem {
                try await impact(db).refresh(ticketID: id)
            }
            return link
        }
    }

    /// The links of a ticket whose other end the principal may see.
    public func links(of id: Int64, for principal: Principal) async throws -> [Link] {
        let scope = AccessPolicy.ticketScope(for: principal)
        return try await context.database.read { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            return try await LinkRepository(db).links(ofTicket: ticket.id, in: scope)
        }
    }

    /// Removes a link of the ticket.
    public func unlink(_ id: Int64, linkID: Int64, by principal: Principal) async throws {
        let now = context.now()
        try await context.database.transaction { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            try AccessPolicy.require(principal, .admin, in: ticket.queueID)
            // Only a link the principal can see: its other end must be visible too.
            guard let link = try await LinkRepository(db).links(ofTicket: id, in: AccessPolicy.ticketScope(for: principal))
                .first(where: { $0.id == linkID })
            else { throw DomainError.notFound("No link \(linkID) on this ticket.") }
            try await LinkRepository(db).delete(linkID)
            try await HistoryRepository(db).append(ticketID: id, actorID: principal.userID, field: "link",
                                                   old: "\(link.type.rawValue) \(link.targetObject.rawValue) \(link.targetID)", new: nil, at: now)
            try await EventRepository(db).append(type: EventType.linkDeleted, ticketID: id, actorID: principal.userID,
                                                 payload: EventPayload.json(["linkId": String(linkID)]), at: now)
            if link.targetObject == .configItem {
                try await impact(db).refresh(ticketID: id, alsoItems: [link.targetID])
            }
        }
    }

    /// The incident-state bookkeeping of the configuration items this ticket affects.
    func impact(_ db: any SQLDatabase) async throws -> CMDBImpact {
        CMDBImpact(db: db, master: try await masterData.current(context.database), defaultTicketTypes: context.configuration.incidentTicketTypes)
    }

    /// Merges ticket `id` into `targetID`: articles, attachments, links, watchers, time and field values move;
    /// the merged ticket gets a state of type `merged` and redirects to the target. With `expectedVersion`, a
    /// ticket changed in between is refused with `stale`.
    public func merge(_ id: Int64, into targetID: Int64, expectedVersion: Int64? = nil, by principal: Principal) async throws -> TicketView {
        guard id != targetID else { throw DomainError.invalid(FieldIssue(field: "targetId", .selfReference)) }
        let master = try await masterData.current(context.database)
        guard let mergedState = master.states.first(where: { $0.type == .merged }) else {
            throw DomainError.conflict("No state of type 'merged' is configured.")
        }
        let now = context.now()
        let dialect = context.database.dialect
        let target = try await context.database.transaction { db in
            let unmerged = try await requireTicket(id, for: principal, db: db, forUpdate: true)
            try Self.requireVersion(expectedVersion, of: unmerged)
            var source = unmerged
            let target = try await requireTarget(targetID, for: principal, db: db, forUpdate: true)
            try AccessPolicy.require(principal, .admin, in: source.queueID)
            try AccessPolicy.require(principal, .admin, in: target.queueID)
            guard source.mergedIntoID == nil else { throw DomainError.conflict("Ticket \(source.number) is merged already.") }
            guard target.mergedIntoID == nil else {
                throw DomainError.invalid(FieldIssue(field: "targetId", .notAllowed, detail: "Ticket \(target.number) is itself merged."))
            }
            try await ArticleRepository(db).move(fromTicket: id, toTicket: targetID)
            try await LinkRepository(db).move(fromTicket: id, toTicket: targetID)
            try await TicketAssociations(db).move(fromTicket: id, toTicket: targetID)
            try await FieldRepository(db).move(object: .ticket, from: id, to: targetID)
            let oldState = master.state(source.stateID)?.name
            source.stateID = mergedState.id
            source.mergedIntoID = targetID
            source.pendingUntil = nil
            source.changedAt = now
            let repository = TicketRepository(db, dialect: dialect)
            guard try await repository.update(source) != nil else { throw DomainError.stale("Ticket \(source.number) changed meanwhile.") }
            _ = try await effects(db, master: master, now: now).apply(from: unmerged, to: source)
            try await repository.touch(targetID, at: now)
            let history = HistoryRepository(db)
            try await history.append(ticketID: id, actorID: principal.userID, field: "state", old: oldState, new: mergedState.name, at: now)
            try await history.append(ticketID: id, actorID: principal.userID, field: "mergedInto", old: nil, new: target.number, at: now)
            try await history.append(ticketID: targetID, actorID: principal.userID, field: "merged", old: nil, new: source.number, at: now)
            let head = source.number + " " + source.title
            try await SearchIndex(db, dialect: dialect).index(ticketID: id, head: head, body: "", customerHead: head, customerBody: "")
            try await TicketSearchDocuments(db: db, dialect: dialect).rebuild(target)
            try await EventRepository(db).append(type: EventType.ticketMerged, ticketID: id, actorID: principal.userID,
                                                 payload: EventPayload.json(["into": String(targetID)]), at: now)
            return try await requireTicket(targetID, for: principal, db: db)
        }
        return try await view(of: target, for: principal)
    }

    /// Adds (or with `watching` false removes) the principal, or with `userID` another agent, as a watcher.
    public func setWatching(_ id: Int64, userID: Int64?, watching: Bool, by principal: Principal) async throws -> [Int64] {
        try AccessPolicy.requireAgent(principal)
        let now = context.now()
        return try await context.database.transaction { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            let watcher = userID ?? principal.userID
            if watcher != principal.userID {
                try AccessPolicy.require(principal, .owner, in: ticket.queueID)
                try await PeopleResolver(db: db, now: now).requireUsers([watcher], field: "userId")
            }
            let associations = TicketAssociations(db)
            let changed = watching
                ? try await associations.addWatcher(ticketID: id, userID: watcher, at: now)
                : try await associations.removeWatcher(ticketID: id, userID: watcher)
            if changed {
                try await HistoryRepository(db).append(ticketID: id, actorID: principal.userID, field: "watcher",
                                                       old: watching ? nil : String(watcher), new: watching ? String(watcher) : nil, at: now)
                try await EventRepository(db).append(type: watching ? EventType.watcherAdded : EventType.watcherRemoved, ticketID: id,
                                                     actorID: principal.userID, payload: EventPayload.json(["userId": String(watcher)]), at: now)
            }
            return try await associations.watchers(ofTicket: id)
        }
    }

    /// The watchers of a ticket (agents only).
    public func watchers(of id: Int64, for principal: Principal) async throws -> [Int64] {
        try AccessPolicy.requireAgent(principal)
        return try await context.database.read { db in
            _ = try await requireTicket(id, for: principal, db: db)
            return try await TicketAssociations(db).watchers(ofTicket: id)
        }
    }

    /// Books working time on a ticket.
    public func bookTime(_ id: Int64, minutes: Int, note: String?, by principal: Principal) async throws -> TimeEntry {
        guard (1...24 * 60).contains(minutes) else { throw DomainError.invalid(FieldIssue(field: "minutes", .outOfRange(min: "1", max: "1440"))) }
        let note = try ArticleDraft.line(note, field: "note", max: 1000)
        let now = context.now()
        return try await context.database.transaction { db in
            let ticket = try await requireTicket(id, for: principal, db: db)
            try AccessPolicy.require(principal, .note, in: ticket.queueID)
            let entry = try await TicketAssociations(db).insertTimeEntry(
                TimeEntry(id: 0, ticketID: id, userID: principal.userID, minutes: minutes, note: note, createdAt: now)
            )
            try await HistoryRepository(db).append(ticketID: id, actorID: principal.userID, field: "time", old: nil, new: String(minutes), at: now)
            try await EventRepository(db).append(type: EventType.timeBooked, ticketID: id, actorID: principal.userID,
                                                 payload: EventPayload.json(["minutes": String(minutes)]), at: now)
            return entry
        }
    }

    /// The time booked on a ticket (agents only).
    public func timeEntries(of id: Int64, for principal: Principal) async throws -> [TimeEntry] {
        try AccessPolicy.requireAgent(principal)
        return try await context.database.read { db in
            _ = try await requireTicket(id, for: principal, db: db)
            return try await TicketAssociations(db).timeEntries(ofTicket: id)
        }
    }

    /// Marks the ticket as seen by the principal now.
    public func markSeen(_ id: Int64, by principal: Principal) async throws {
        let now = context.now()
        try await context.database.transaction { db in
            _ = try await requireTicket(id, for: principal, db: db)
            try await TicketAssociations(db).markSeen(ticketID: id, userID: principal.userID, at: now)
        }
    }

    /// When the principal last saw the ticket, if ever.
    public func seenAt(_ id: Int64, by principal: Principal) async throws -> Date? {
        try await context.database.read { db in
            _ = try await requireTicket(id, for: principal, db: db)
            return try await TicketAssociations(db).seenAt(ticketID: id, userID: principal.userID)
        }
    }

    /// Events after a cursor, limited to tickets the principal may see (administrators see all).
    public func events(after cursor: Int64, limit: Int, for principal: Principal) async throws -> [DomainEvent] {
        guard (1...1000).contains(limit) else { throw DomainError.invalid(FieldIssue(field: "limit", .outOfRange(min: "1", max: "1000"))) }
        try AccessPolicy.requireAgent(principal)
        let scope = AccessPolicy.ticketScope(for: principal)
        return try await context.database.read { db in try await EventRepository(db).events(after: cursor, limit: limit, in: scope) }
    }
}
