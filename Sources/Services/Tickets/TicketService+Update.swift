import Domain
import Foundation
import SQLKit
import Store

extension TicketService {
    /// Applies `changes` to a ticket. With `expectedVersion` (from `If-Match`) a ticket changed in between is
    /// refused with `stale` and nothing is written. Each changed attribute needs its right and gets a history row.
    public func update(_ id: Int64, _ changes: TicketChanges, expectedVersion: Int64?, by principal: Principal) async throws -> TicketView {
        try AccessPolicy.requireAgent(principal)
        let master = try await masterData.current(context.database)
        let now = context.now()
        let dialect = context.database.dialect
        let updated = try await context.database.transaction { db in
            let before = try await requireTicket(id, for: principal, db: db, forUpdate: true)
            try Self.requireVersion(expectedVersion, of: before)
            guard before.mergedIntoID == nil else { throw DomainError.conflict("Ticket \(before.number) is merged; change the ticket it was merged into.") }
            var ticket = before
            var history: [(field: String, old: String?, new: String?)] = []
            func record(_ field: String, _ old: String?, _ new: String?) { if old != new { history.append((field, old, new)) } }

            if let title = changes.title {
                let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty, trimmed.count <= 500 else { throw DomainError.invalid(FieldIssue(field: "title", .length(min: 1, max: 500))) }
                ticket.title = trimmed
            }
            if changes.queue != nil || changes.queueId != nil,
               let queue = try MasterData.resolve(master.queues, id: changes.queueId, name: changes.queue, field: "queue", names: { [$0.name] }) {
                guard queue.isActive else { throw DomainError.invalid(FieldIssue(field: "queue", .invalidChoice)) }
                try AccessPolicy.require(principal, .move, in: before.queueID)
                try AccessPolicy.require(principal, .create, in: queue.id)
                ticket.queueID = queue.id
            }
            if let state = try MasterData.resolve(master.states, id: changes.stateId, name: changes.state, field: "state", names: { [$0.name, $0.nameEN] }) {
                guard state.type != .merged else {
                    throw DomainError.invalid(FieldIssue(field: "state", .notAllowed, detail: "Use the merge action to merge tickets."))
                }
                ticket.stateID = state.id
            }
            if let priority = try MasterData.resolve(master.priorities, id: changes.priorityId, name: changes.priority, field: "priority", names: { [$0.name, $0.nameEN] }) {
                try AccessPolicy.require(principal, .priority, in: before.queueID)
                ticket.priorityID = priority.id
            }
            if changes.type != nil || changes.typeId != nil {
                ticket.typeID = try MasterData.resolve(master.types, id: changes.typeId?.value, name: changes.type?.value, field: "type", names: { [$0.name, $0.nameEN] })?.id
            }
            if changes.service != nil || changes.serviceId != nil {
                ticket.serviceID = try MasterData.resolve(master.services, id: changes.serviceId?.value, name: changes.service?.value, field: "service", names: { [$0.name] })?.id
            }
            let people = PeopleResolver(db: db, now: now)
            if let change = changes.ownerId {
                try AccessPolicy.require(principal, .owner, in: before.queueID)
                try await people.requireUsers([change.value], field: "ownerId")
                ticket.ownerID = change.value
            }
            if let change = changes.responsibleId {
                try AccessPolicy.require(principal, .owner, in: before.queueID)
                try await people.requireUsers([change.value], field: "responsibleId")
                ticket.responsibleID = change.value
            }
            if let change = changes.contactId {
                if let contactID = change.value {
                    guard let contact = try await ContactRepository(db).find(contactID) else {
                        throw DomainError.invalid(FieldIssue(field: "contactId", .unknownReference(reference: String(contactID))))
                    }
                    ticket.organisationID = contact.organisationID
                }
                ticket.contactID = change.value
            }
            if let change = changes.organisationId {
                if let organisationID = change.value, try await OrganisationRepository(db).find(organisationID) == nil {
                    throw DomainError.invalid(FieldIssue(field: "organisationId", .unknownReference(reference: String(organisationID))))
                }
                ticket.organisationID = change.value
            }
            let newState = master.state(ticket.stateID)
            if let change = changes.pendingUntil { ticket.pendingUntil = change.value }
            if newState?.type.isPending == true {
                guard ticket.pendingUntil != nil else { throw DomainError.invalid(FieldIssue(field: "pendingUntil", .required)) }
            } else {
                ticket.pendingUntil = nil
            }
            if ticket.queueID != before.queueID || ticket.stateID != before.stateID || ticket.typeID != before.typeID
                || ticket.serviceID != before.serviceID || ticket.contactID != before.contactID || ticket.organisationID != before.organisationID
                || ticket.pendingUntil != before.pendingUntil || ticket.title != before.title || changes.fields != nil {
                try AccessPolicy.require(principal, .admin, in: before.queueID)
            }
            let fieldValues = try await fields.validate(changes.fields ?? [:], for: .ticket, db: db, isNew: false)
            let storedFields = try await FieldRepository(db).values(object: .ticket, objectIDs: [id])[id] ?? [:]

            record("title", before.title, ticket.title)
            record("queue", master.queue(before.queueID)?.name, master.queue(ticket.queueID)?.name)
            record("state", master.state(before.stateID)?.name, master.state(ticket.stateID)?.name)
            record("priority", master.priority(before.priorityID)?.name, master.priority(ticket.priorityID)?.name)
            record("type", before.typeID.flatMap(master.type)?.name, ticket.typeID.flatMap(master.type)?.name)
            record("service", before.serviceID.flatMap(master.service)?.name, ticket.serviceID.flatMap(master.service)?.name)
            record("owner", before.ownerID.map(String.init), ticket.ownerID.map(String.init))
            record("responsible", before.responsibleID.map(String.init), ticket.responsibleID.map(String.init))
            record("contact", before.contactID.map(String.init), ticket.contactID.map(String.init))
            record("organisation", before.organisationID.map(String.init), ticket.organisationID.map(String.init))
            record("pendingUntil", before.pendingUntil.map(InternetDateTime.format), ticket.pendingUntil.map(InternetDateTime.format))
            for field in fieldValues {
                record("field.\(field.definition.name)", field.definition.id.flatMap { storedFields[$0] }, field.value?.storageString)
            }
            guard !history.isEmpty else { return before }

            ticket.changedAt = now
            guard let version = try await TicketRepository(db, dialect: dialect).update(ticket) else {
                throw DomainError.stale("Ticket \(before.number) was changed by someone else.")
            }
            ticket.version = version
            if let summary = try await effects(db, master: master, now: now).apply(from: before, to: ticket) {
                ticket.sla = summary
            }
            try await fields.store(fieldValues, object: .ticket, objectID: id, db: db)
            let actor = principal.actorID
            let historyRepository = HistoryRepository(db)
            for entry in history {
                try await historyRepository.append(ticketID: id, actorID: actor, field: entry.field, old: entry.old, new: entry.new, at: now)
            }
            if ticket.title != before.title || !fieldValues.isEmpty {
                try await TicketSearchDocuments(db: db, dialect: dialect).rebuild(ticket)
            }
            try await EventRepository(db).append(
                type: EventType.ticketUpdated, ticketID: id, actorID: actor,
                payload: EventPayload.json(["changed": history.map(\.field).joined(separator: ",")]), at: now
            )
            if ticket.stateID != before.stateID || ticket.typeID != before.typeID || ticket.priorityID != before.priorityID {
                try await impact(db).refresh(ticketID: id)
            }
            return ticket
        }
        return try await view(of: updated, for: principal)
    }

    /// Throws `stale` unless `expectedVersion` is nil or the ticket's current version.
    static func requireVersion(_ expectedVersion: Int64?, of ticket: Ticket) throws(DomainError) {
        if let expectedVersion, expectedVersion != ticket.version {
            throw .stale("Ticket \(ticket.number) was changed by someone else (version \(ticket.version), you sent \(expectedVersion)).")
        }
    }
}
