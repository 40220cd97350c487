import Domain
import Foundation
import SQLKit
import Store

/// What signed-in customers do in the portal: submit a form, see their requests (and, when allowed, their
/// organisation's) in plain words, confirm or reopen a solved request, and pick their configuration items.
/// Tickets are created, read and changed through `TicketService`, so the one access policy applies.
public struct RequestService: Sendable {
    let context: ServiceContext
    let tickets: TicketService

    public init(context: ServiceContext, tickets: TicketService) {
        self.context = context
        self.tickets = tickets
    }

    var views: RequestViewBuilder { RequestViewBuilder(context: context, tickets: tickets) }

    /// Submits the form of category `categoryID`: checks the answers (hidden items ignored, required only when
    /// shown), creates the ticket with the form's queue, type, priority and service, the answers as its first
    /// article and field values, records the form version, and queues the confirmation mail — in one transaction.
    public func submit(to categoryID: Int64, _ submission: FormSubmission, by principal: Principal) async throws -> RequestDetail {
        try AccessPolicy.requireRequester(principal)
        guard let contactID = principal.contactID else { throw DomainError.forbidden("No contact.") }
        let master = try await tickets.masterData.current(context.database)
        let dialect = context.database.dialect
        let language = Self.language(principal.locale)
        let (category, record, contact, checked) = try await context.database.read { db in
            let category = try await CatalogueService.visibleCategory(categoryID, for: principal, db: db)
            guard let formID = category.formID, let record = try await RequestFormRepository(db).find(formID) else {
                throw DomainError.conflict("This category has no form to fill in.")
            }
            guard let contact = try await ContactRepository(db).find(contactID) else { throw DomainError.forbidden("No contact.") }
            let name = [contact.firstName, contact.lastName].filter { !$0.isEmpty }.joined(separator: " ")
            let checked = try await SubmissionChecker(db: db, dialect: dialect).check(
                record.form, submission, requester: .customer(contactID: contactID, organisationID: principal.memberOrganisationID),
                requesterName: name, language: language
            )
            return (category, record, contact, checked)
        }
        let request = PortalRequest(
            ticketID: 0, formID: record.id, formVersion: record.version, categoryID: category.id, language: language,
            requesterEmail: contact.emails.first, requesterName: [contact.firstName, contact.lastName].filter { !$0.isEmpty }.joined(separator: " "),
            createdAt: context.now()
        )
        let ticket = try await create(checked, form: record.form, request: request, article: try draft(checked, by: principal), by: principal, master: master)
        return try await views.detail(ticket.id, for: principal, language: language)
    }

    /// Creates the ticket of a checked submission through `TicketService`, recording the portal request and
    /// queueing the notice `notice` in the same transaction.
    func create(
        _ checked: CheckedSubmission, form: RequestForm, request: PortalRequest, article: ArticleDraft, by principal: Principal,
        master: MasterData, customer: String? = nil, notice: PortalText.Kind = .submitted, link: String = "",
        within: (@Sendable (any SQLDatabase, Ticket) async throws -> Void)? = nil
    ) async throws -> TicketView {
        var input = NewTicket(title: checked.title, customer: customer)
        input.queueId = form.queueID
        input.typeId = form.typeID
        input.priorityId = form.priorityID
        input.serviceId = form.serviceID
        input.fields = checked.fields
        let now = context.now()
        let (dialect, configuration, fields) = (context.database.dialect, context.configuration, tickets.fields)
        return try await tickets.create(input, article: article, by: principal, presetByForm: true) { db, ticket in
            try await within?(db, ticket)
            var stored = request
            stored.ticketID = ticket.id
            try await PortalRequestRepository(db).insert(stored)
            let settings = try await PortalTextRepository(db).settings()
            try await PortalMailer(db: db, dialect: dialect, now: now, configuration: configuration, master: master, fields: fields)
                .notify(notice, ticket: ticket, request: stored, settings: settings, link: link)
        }.ticket
    }

    /// The first article: the answers as readable, customer-visible text with the uploaded files.
    func draft(_ checked: CheckedSubmission, by principal: Principal) throws -> ArticleDraft {
        var article = NewArticle(subject: checked.title, body: checked.text, customerVisible: true)
        article.attachments = checked.attachments
        var draft = try ArticleDraft(input: article, principal: principal, maxAttachmentBytes: context.configuration.maxAttachmentBytes)
        draft.channel = .web
        draft.sender = .customer
        return draft
    }

    /// The caller's requests, newest first: their own, or with `organisation` also those of their organisation
    /// when they may see them.
    public func requests(includingOrganisation: Bool, cursor: String?, limit: Int, by principal: Principal) async throws -> RequestPage {
        try AccessPolicy.requireRequester(principal)
        var caller = principal
        if !includingOrganisation { caller.organisationIDs = [] }
        var list = TicketListRequest()
        list.sort = .created
        list.descending = true
        list.cursor = cursor
        list.limit = limit
        let page = try await tickets.list(list, for: caller)
        return RequestPage(items: try await views.summaries(page.items, language: Self.language(principal.locale)), next: page.next)
    }

    /// The plain-words view (state, SLA promise) of tickets the caller listed through `TicketService.list`, for
    /// pages that filter or sort the list themselves.
    public func summaries(of listed: [TicketView], by principal: Principal) async throws -> [RequestSummary] {
        try AccessPolicy.requireRequester(principal)
        return try await views.summaries(listed, language: Self.language(principal.locale))
    }

    /// One request with its customer-visible messages.
    public func request(_ ticketID: Int64, by principal: Principal) async throws -> RequestDetail {
        try AccessPolicy.requireRequester(principal)
        return try await views.detail(ticketID, for: principal, language: Self.language(principal.locale))
    }

    /// Confirms a solved request: it moves to the confirmed state (closed successfully).
    public func confirm(_ ticketID: Int64, by principal: Principal) async throws -> RequestDetail {
        try await move(ticketID, by: principal, message: nil) { $0.confirmedStateID }
    }

    /// Reopens a solved request, with the requester's reason as a message when given.
    public func reopen(_ ticketID: Int64, _ message: RequesterMessage, by principal: Principal) async throws -> RequestDetail {
        try await move(ticketID, by: principal, message: message) { $0.reopenedStateID }
    }

    private func move(_ ticketID: Int64, by principal: Principal, message: RequesterMessage?, target: @escaping @Sendable (PortalSettings) -> Int64?) async throws -> RequestDetail {
        try AccessPolicy.requireRequester(principal)
        let master = try await tickets.masterData.current(context.database)
        let now = context.now()
        let dialect = context.database.dialect
        let draft = try message.flatMap { message -> ArticleDraft? in
            guard (message.body ?? "").contains(where: { !$0.isWhitespace }) || !(message.attachments ?? []).isEmpty else { return nil }
            var input = NewArticle(body: message.body ?? "", customerVisible: true)
            input.attachments = message.attachments
            return try ArticleDraft(input: input, principal: principal, maxAttachmentBytes: context.configuration.maxAttachmentBytes, fieldPrefix: "")
        }
        try await context.database.transaction { db in
            let ticket = try await tickets.requireTicket(ticketID, for: principal, db: db, forUpdate: true)
            let settings = try await PortalTextRepository(db).settings().resolved(states: master.states)
            guard ticket.stateID == settings.solvedStateID else { throw DomainError.conflict("Only a solved request can be confirmed or reopened.") }
            guard let stateID = target(settings), let state = master.state(stateID) else {
                throw DomainError.conflict("The portal has no state configured for this.")
            }
            let moved = try await tickets.applyState(state, to: ticket, actorID: principal.actorID, db: db, master: master, now: now)
            if let draft {
                _ = try await ArticleWriter(db: db, dialect: dialect, now: now, fields: tickets.fields, sla: SLAKeeper(master: master))
                    .write(draft, to: moved, by: principal, touch: true)
            }
        }
        return try await views.detail(ticketID, for: principal, language: Self.language(principal.locale))
    }

    /// The caller's configuration items of class `classID` (owned by their contact or organisation), to pick in a form.
    public func configItems(ofClass classID: Int64, by principal: Principal) async throws -> [ConfigItemChoice] {
        try AccessPolicy.requireRequester(principal)
        guard let contactID = principal.contactID else { return [] }
        let dialect = context.database.dialect
        return try await context.database.read { db in
            try await ConfigItemRepository(db, dialect: dialect).owned(byContact: contactID, organisation: principal.memberOrganisationID, classID: classID)
                .map { ConfigItemChoice(id: $0.id, number: $0.number, name: $0.name) }
        }
    }

    /// `en` for English-speaking callers, else `de`.
    static func language(_ locale: String?) -> String {
        (locale ?? "").lowercased().hasPrefix("en") ? "en" : "de"
    }
}

/// A configuration item a requester may choose.
public struct ConfigItemChoice: Sendable, Encodable {
    public var id: Int64
    public var number: String
    public var name: String
}
