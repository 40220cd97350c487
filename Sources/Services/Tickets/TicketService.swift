import Domain
import Foundation
import SQLKit
import Store

/// The ticket use cases: create, read, change, list and search. Shared by the REST API, UI, mail and workflows.
///
/// Every use case runs in one transaction, asks `AccessPolicy`, writes history for each changed attribute,
/// keeps the search index current and appends its event.
public struct TicketService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache
    let fields: FieldService

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
        self.fields = FieldService(context: context)
    }

    /// Creates a ticket, with its first article, attachments and field values, in one transaction.
    public func create(_ input: NewTicket, by principal: Principal) async throws -> TicketView {
        let article = try input.article.map { try ArticleDraft(input: $0, principal: principal, maxAttachmentBytes: context.configuration.maxAttachmentBytes) }
        if article?.send == true {
            throw DomainError.invalid(FieldIssue(field: "article.send", .notAllowed, detail: "Mail is sent with an article added to an existing ticket."))
        }
        return try await create(input, article: article, by: principal).ticket
    }

    /// Creates a ticket whose first article is already checked (from the API, a mail or a portal form); returns the
    /// ticket and the id of that article. With `presetByForm`, queue, type, priority and service come from an
    /// administrator's request form, so a customer's request may carry them. `then` runs inside the same transaction
    /// once the ticket is written (a split links the new ticket to its origin there; the portal records the request
    /// and queues its confirmation), so that both commit or neither does.
    func create(
        _ input: NewTicket, article: ArticleDraft?, by principal: Principal, presetByForm: Bool = false,
        then: (@Sendable (_ db: any SQLDatabase, _ ticket: Ticket) async throws -> Void)? = nil
    ) async throws -> (ticket: TicketView, articleID: Int64?) {
        let master = try await masterData.current(context.database)
        let now = context.now()
        let configuration = context.configuration
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw DomainError.invalid(FieldIssue(field: "title", .required)) }
        guard title.count <= 500 else { throw DomainError.invalid(FieldIssue(field: "title", .tooLong(max: 500))) }
        guard input.queue != nil || input.queueId != nil else { throw DomainError.invalid(FieldIssue(field: "queue", .required)) }
        guard let queue = try MasterData.resolve(master.queues, id: input.queueId, name: input.queue, field: "queue", names: { [$0.name] }),
              queue.isActive else { throw DomainError.invalid(FieldIssue(field: "queue", .invalidChoice)) }
        try Self.requireRights(for: input, in: queue.id, principal: principal, presetByForm: presetByForm)
        let state = try MasterData.resolve(master.states, id: input.stateId, name: input.state, field: "state", names: { [$0.name, $0.nameEN] })
            ?? master.defaultState
        let priority = try MasterData.resolve(master.priorities, id: input.priorityId, name: input.priority, field: "priority", names: { [$0.name, $0.nameEN] })
            ?? master.defaultPriority
        let type = try MasterData.resolve(master.types, id: input.typeId, name: input.type, field: "type", names: { [$0.name, $0.nameEN] })
        let service = try MasterData.resolve(master.services, id: input.serviceId, name: input.service, field: "service", names: { [$0.name] })
        guard let state, let priority else { throw DomainError.conflict("No default state or priority is configured.") }
        if state.type.isPending, input.pendingUntil == nil {
            throw DomainError.invalid(FieldIssue(field: "pendingUntil", .required))
        }
        if state.type == .merged { throw DomainError.invalid(FieldIssue(field: "state", .notAllowed, detail: "A new ticket cannot be merged.")) }
        let fieldInputs = input.fields ?? [:]
        let sla = SLAKeeper(master: master)
        let customerAddress = try input.customer.map { address throws(DomainError) in try AddressRules.normalise(address) }

        // The day's counter row is locked from its increment until commit. With parallel writers (PostgreSQL) the
        // number therefore comes from a block of numbers this process reserved ahead with a statement of its own, which
        // PostgreSQL commits at once (`CounterBlocks`), so creates neither queue behind that lock nor pay a round trip
        // each; a create that fails afterwards leaves a gap in the day's numbers, as in Znuny and KIX. SQLite has one
        // writer anyway and takes it inside the main transaction.
        let counterName = "ticket." + Self.dayKey(now, timeZone: configuration.timeZone)
        let reservedCounter: Int64? = context.database.dialect == .postgres
            ? try await context.database.counterBlocks.next(counterName, in: "ticket") : nil
        // The ticket as far as it is known before the transaction, which adds its number and requester. Its SLA clocks
        // depend only on what is known already (queue, service, type, priority, state, channel), so they start here,
        // outside SQLite's single writer.
        let draft = Ticket(
            id: 0, number: "", title: title, queueID: queue.id, stateID: state.id, priorityID: priority.id,
            typeID: type?.id, serviceID: service?.id, ownerID: input.ownerId, responsibleID: input.responsibleId,
            contactID: nil, organisationID: nil, pendingUntil: state.type.isPending ? input.pendingUntil : nil,
            createdAt: now, changedAt: now, createdBy: principal.actorID
        )
        let clocks = sla.startedClocks(
            for: draft, channel: article?.channel ?? .web,
            openedByAgentMessage: article.map { $0.sender == .agent && $0.customerVisible } ?? false
        )
        let (ticket, writtenFields, articleID) = try await context.database.transaction { db in
            let people = PeopleResolver(db: db, now: now)
            var contactID = input.contactId
            var contact: Contact?
            if !principal.isAgent, !principal.isAdmin {
                contactID = principal.contactID
            } else if let customerAddress {
                contact = try await people.contact(forAddress: customerAddress, name: input.customerName)
                contactID = contact?.id
            }
            if let contactID, contact == nil {
                guard let found = try await ContactRepository(db).find(contactID) else {
                    throw DomainError.invalid(FieldIssue(field: "contactId", .unknownReference(reference: String(contactID))))
                }
                contact = found
            }
            if let organisationID = input.organisationId, try await OrganisationRepository(db).find(organisationID) == nil {
                throw DomainError.invalid(FieldIssue(field: "organisationId", .unknownReference(reference: String(organisationID))))
            }
            let organisationID = input.organisationId ?? contact?.organisationID
            try await people.requireUsers([input.ownerId], field: "ownerId")
            try await people.requireUsers([input.responsibleId], field: "responsibleId")
            // The ticket's and the first article's field definitions in one query.
            let definitions = try await FieldRepository(db).definitions(for: nil)
            let fieldValues = try await fields.validate(
                fieldInputs, for: .ticket, db: db, customerView: !AccessPolicy.seesInternals(principal), known: definitions
            )

            let counter: Int64
            if let reservedCounter {
                counter = reservedCounter
            } else {
                counter = try await Counters(db).next(counterName)
            }
            let number = TicketNumber.make(date: now, timeZone: configuration.timeZone, systemID: configuration.systemID, counter: Int(counter))
            var ticket = draft
            (ticket.number, ticket.contactID, ticket.organisationID) = (number.rawValue, contactID, organisationID)
            ticket.sla = TicketSLASummary(clocks)
            ticket = try await TicketRepository(db, dialect: context.database.dialect).insert(ticket, slaClocks: clocks)
            let actor = principal.actorID
            var journal = ChangeJournal()
            journal.record(ticketID: ticket.id, actorID: actor, field: "created", old: nil, new: number.rawValue)
            try await fields.store(fieldValues, object: .ticket, objectID: ticket.id, db: db)
            let heads = (
                head: Self.searchHead(ticket, fieldValues: fieldValues),
                customerHead: Self.searchHead(ticket, fieldValues: fieldValues.filter(\.definition.customerVisible))
            )
            var articleID: Int64?
            if let article {
                // The article writer creates the search documents with the first article's text in them: writing
                // them empty and appending at once would cost a second index update per new ticket.
                articleID = try await ArticleWriter(
                    db: db, dialect: context.database.dialect, now: now, fields: fields, sla: sla, fieldDefinitions: definitions
                ).write(article, to: ticket, by: principal, touch: false, newSearchDocuments: heads, journal: &journal).value.id
            } else {
                try await SearchIndex(db, dialect: context.database.dialect).index(
                    ticketID: ticket.id, head: heads.head, body: "", customerHead: heads.customerHead, customerBody: "", isNew: true,
                    holding: &journal.held
                )
            }
            journal.record(
                event: EventType.ticketCreated, ticketID: ticket.id, actorID: actor,
                payload: EventPayload.json(["number": number.rawValue, "queueId": String(queue.id)])
            )
            // Last, so that on PostgreSQL the `events` counter row is locked for the commit's round trip only.
            try await journal.write(to: db, at: now)
            ticket.version = 1
            try await then?(db, ticket)
            return (ticket, fieldValues, articleID)
        }
        // The values just written are the ticket's only ones, so the answer needs no second read.
        let visible = writtenFields.filter { AccessPolicy.seesInternals(principal) || $0.definition.customerVisible }
        let view = TicketView(ticket, master: master, fields: Dictionary(uniqueKeysWithValues: visible.compactMap { field in
            field.value.map { (field.definition.name, $0) }
        }), now: now)
        return (view, articleID)
    }

    /// Agents need `create` in the queue, plus the right for each attribute they set beyond the basics:
    /// `owner` for owner and responsible, `priority` for the priority, `admin` for state and pending time.
    /// Customers set only title, queue, type, service, article and customer-visible fields (and the priority of the
    /// request form they fill in); the ticket is theirs.
    private static func requireRights(for input: NewTicket, in queueID: Int64, principal: Principal, presetByForm: Bool) throws(DomainError) {
        let extras: [(field: String, isSet: Bool, right: QueueRights)] = [
            ("ownerId", input.ownerId != nil, .owner), ("responsibleId", input.responsibleId != nil, .owner),
            ("priority", input.priority != nil || input.priorityId != nil, .priority),
            ("state", input.state != nil || input.stateId != nil, .admin), ("pendingUntil", input.pendingUntil != nil, .admin),
            ("customer", input.customer != nil, .create), ("contactId", input.contactId != nil, .create),
            ("organisationId", input.organisationId != nil, .create),
        ]
        guard principal.isAgent || principal.isAdmin else {
            if let field = extras.first(where: { $0.isSet && !(presetByForm && $0.right == .priority) })?.field {
                throw .invalid(FieldIssue(field: field, .notAllowed))
            }
            return
        }
        try AccessPolicy.require(principal, .create, in: queueID)
        for extra in extras where extra.isSet {
            try AccessPolicy.require(principal, extra.right, in: queueID)
        }
    }

    /// The ticket with `id`, if `principal` may see it.
    public func ticket(_ id: Int64, for principal: Principal) async throws -> TicketView {
        let scope = AccessPolicy.ticketScope(for: principal)
        let customerView = !AccessPolicy.seesInternals(principal)
        let (ticket, values) = try await context.database.read { db in
            // The ticket and its field values in one query: opening a ticket is the most frequent request.
            guard let (ticket, stored) = try await TicketRepository(db, dialect: context.database.dialect).findWithFieldValues(id, in: scope) else {
                throw DomainError.notFound("No ticket \(id).")
            }
            return (ticket, try await fields.named([ticket.id: stored], object: .ticket, customerView: customerView, db: db)[ticket.id] ?? [:])
        }
        return TicketView(ticket, master: try await masterData.current(context.database), fields: values, now: context.now())
    }

    /// Loads the ticket within the principal's scope, or throws not-found.
    func requireTicket(_ id: Int64, for principal: Principal, db: any SQLDatabase, forUpdate: Bool = false) async throws -> Ticket {
        let repository = TicketRepository(db, dialect: context.database.dialect)
        let scope = AccessPolicy.ticketScope(for: principal)
        let ticket = forUpdate ? try await repository.findForUpdate(id, in: scope) : try await repository.find(id, in: scope)
        guard let ticket else { throw DomainError.notFound("No ticket \(id).") }
        return ticket
    }

    /// Loads a ticket the request body names (`targetId`): one the principal may not see is refused like one
    /// that does not exist, as a field error, since the path's own ticket was found.
    func requireTarget(_ id: Int64, for principal: Principal, db: any SQLDatabase, forUpdate: Bool = false) async throws -> Ticket {
        do {
            return try await requireTicket(id, for: principal, db: db, forUpdate: forUpdate)
        } catch DomainError.notFound {
            throw DomainError.invalid(FieldIssue(field: "targetId", .unknownReference(reference: String(id))))
        }
    }

    /// The ticket that `ticket` was (perhaps over several merges) merged into, locked for update; `ticket` itself
    /// when it is not merged.
    func followMerges(_ ticket: Ticket, for principal: Principal, db: any SQLDatabase) async throws -> Ticket {
        var current = ticket
        var seen: Set<Int64> = [ticket.id]
        while let target = current.mergedIntoID, seen.insert(target).inserted {
            current = try await requireTicket(target, for: principal, db: db, forUpdate: true)
        }
        return current
    }

    func view(of ticket: Ticket, for principal: Principal) async throws -> TicketView {
        let master = try await masterData.current(context.database)
        let values = try await context.database.read { db in
            try await fields.values(object: .ticket, objectID: ticket.id, customerView: !AccessPolicy.seesInternals(principal), db: db)
        }
        return TicketView(ticket, master: master, fields: values, now: context.now())
    }

    func views(of tickets: [Ticket], for principal: Principal) async throws -> [TicketView] {
        let master = try await masterData.current(context.database)
        let ids = tickets.map(\.id)
        let values = try await context.database.read { db in
            try await fields.values(object: .ticket, objectIDs: ids, customerView: !AccessPolicy.seesInternals(principal), db: db)
        }
        let now = context.now()
        return tickets.map { TicketView($0, master: master, fields: values[$0.id] ?? [:], now: now) }
    }

    static func dayKey(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let digits = (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
        return String(repeating: "0", count: max(0, 8 - String(digits).count)) + String(digits)
    }

    /// The weighted part of a ticket's search document: number, title and text-like field values.
    static func searchHead(_ ticket: Ticket, fieldValues: [ValidatedField]) -> String {
        ([ticket.number, ticket.title] + fieldValues.compactMap { $0.value?.searchText }).joined(separator: " ")
    }
}
