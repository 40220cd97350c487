import Domain
import Foundation
import SQLKit
import Store

/// Text templates: administrators keep them; agents list the ones offered in a ticket's queue and have one
/// filled in for a ticket (`render`), for the reply and note forms and the REST API alike. Every change appends an event.
public struct TextTemplateService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    /// Every template (agents; administrators see inactive ones too), optionally only those offered in `queueID`.
    public func list(inQueue queueID: Int64? = nil, by principal: Principal) async throws -> [TextTemplateView] {
        try AccessPolicy.requireAgent(principal)
        let master = try await masterData.current(context.database)
        let templates = try await context.database.read { db in try await TextTemplateRepository(db).all() }
        return templates
            .filter { template in queueID.map(template.isOffered(inQueue:)) ?? (template.isActive || principal.isAdmin) }
            .map { TextTemplateView($0, master: master) }
    }

    /// Template `id` with its version (the `ETag`, the admin form's hidden `version`).
    public func get(_ id: Int64, by principal: Principal) async throws -> Versioned<TextTemplateView> {
        try AccessPolicy.requireAgent(principal)
        let found = try await find(id)
        return Versioned(TextTemplateView(found.record, master: try await masterData.current(context.database)), version: found.version)
    }

    public func create(_ input: TextTemplateInput, by principal: Principal) async throws -> Versioned<TextTemplateView> {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        let blank = TextTemplate(id: 0, name: "", textDE: nil, textEN: nil, queueID: nil, createdAt: now, changedAt: now)
        return try await save(merged(input, over: blank), action: "created", by: principal)
    }

    /// Changes template `id`; with `expectedVersion`, a template changed meanwhile is refused as stale.
    public func update(
        _ id: Int64, _ input: TextTemplateInput, expectedVersion: Int64? = nil, by principal: Principal
    ) async throws -> Versioned<TextTemplateView> {
        try AccessPolicy.requireAdmin(principal)
        var template = merged(input, over: try await find(id).record)
        template.changedAt = context.now()
        return try await save(template, expectedVersion: expectedVersion, action: "updated", by: principal)
    }

    public func delete(_ id: Int64, by principal: Principal) async throws {
        try AccessPolicy.requireAdmin(principal)
        _ = try await find(id)
        let now = context.now()
        try await context.database.transaction { db in
            try await TextTemplateRepository(db).delete(id)
            try await appendEvent(db, id: id, action: "deleted", by: principal, at: now)
        }
    }

    /// Template `id` filled in for ticket `ticketID` and the calling agent, in `language` (default: the agent's
    /// language); the template must be offered in the ticket's queue.
    public func render(_ id: Int64, forTicket ticketID: Int64, language: String? = nil, by principal: Principal) async throws -> RenderedTextTemplate {
        try AccessPolicy.requireAgent(principal)
        let master = try await masterData.current(context.database)
        let scope = AccessPolicy.ticketScope(for: principal)
        let dialect = context.database.dialect
        let language = language ?? (principal.locale == "en" ? "en" : "de")
        guard ["de", "en"].contains(language) else { throw DomainError.invalid(FieldIssue(field: "language", .invalidChoice)) }
        return try await context.database.read { db in
            guard let ticket = try await TicketRepository(db, dialect: dialect).find(ticketID, in: scope) else {
                throw DomainError.notFound("No ticket \(ticketID).")
            }
            guard let template = try await TextTemplateRepository(db).find(id), template.isOffered(inQueue: ticket.queueID) else {
                throw DomainError.notFound("No text template \(id) for this ticket's queue.")
            }
            var contact: Contact?
            if let contactID = ticket.contactID { contact = try await ContactRepository(db).find(contactID) }
            let agent = try await UserRepository(db).find(principal.userID)
            let values = [
                "ticket.number": ticket.number, "ticket.title": ticket.title, "ticket.queue": master.queue(ticket.queueID)?.name ?? "",
                "customer.firstName": contact?.firstName ?? "", "customer.lastName": contact?.lastName ?? "",
                "customer.email": contact?.emails.first ?? "",
                "agent.firstName": agent?.firstName ?? "", "agent.lastName": agent?.lastName ?? "",
            ]
            let hasLanguage = language == "en" ? template.textEN != nil : template.textDE != nil
            return RenderedTextTemplate(
                templateId: id, ticketId: ticket.id, language: hasLanguage ? language : (language == "en" ? "de" : "en"),
                text: TextTemplateRules.render(template.text(in: language), values: values)
            )
        }
    }

    private func find(_ id: Int64) async throws -> Versioned<TextTemplate> {
        let found = try await context.database.read { db in
            try await Versioned.current(try await TextTemplateRepository(db).find(id), in: Self.versions(db), id: id)
        }
        guard let found else { throw DomainError.notFound("No text template \(id).") }
        return found
    }

    private static func versions(_ db: any SQLDatabase) -> RowVersions {
        RowVersions(db, table: "text_templates")
    }

    private func merged(_ input: TextTemplateInput, over base: TextTemplate) -> TextTemplate {
        var template = base
        if let name = input.name { template.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let change = input.textDE { template.textDE = change.value.flatMap(Self.blankAsNil) }
        if let change = input.textEN { template.textEN = change.value.flatMap(Self.blankAsNil) }
        if let change = input.queueId { template.queueID = change.value }
        if let active = input.isActive { template.isActive = active }
        return template
    }

    private static func blankAsNil(_ text: String) -> String? {
        text.allSatisfy(\.isWhitespace) ? nil : text
    }

    private func save(
        _ template: TextTemplate, expectedVersion: Int64? = nil, action: String, by principal: Principal
    ) async throws -> Versioned<TextTemplateView> {
        var issues = TextTemplateRules.issues(name: template.name, textDE: template.textDE, textEN: template.textEN)
        let master = try await masterData.current(context.database)
        if let queueID = template.queueID, master.queue(queueID) == nil {
            issues.append(FieldIssue(field: "queueId", .unknownReference(reference: String(queueID))))
        }
        if let first = issues.first { throw DomainError.invalid(first.message, issues: issues) }
        let now = context.now()
        let saved = try await context.database.transaction { db in
            let repository = TextTemplateRepository(db)
            if try await repository.nameExists(template.name, except: template.id) {
                throw DomainError.conflict("A text template '\(template.name)' exists already.")
            }
            var saved = Versioned(template, version: Versioned<TextTemplate>.first)
            if template.id == 0 {
                saved.record.id = try await repository.insert(template)
            } else {
                saved.version = try await Versioned<TextTemplate>.advance(Self.versions(db), template.id, from: expectedVersion, kind: "text template")
                try await repository.update(template)
            }
            try await appendEvent(db, id: saved.record.id, action: action, by: principal, at: now)
            return saved
        }
        return Versioned(TextTemplateView(saved.record, master: master), version: saved.version)
    }

    private func appendEvent(_ db: any SQLDatabase, id: Int64, action: String, by principal: Principal, at now: Date) async throws {
        try await EventRepository(db).append(
            type: EventType.masterDataChanged, ticketID: nil, actorID: principal.userID,
            payload: EventPayload.json(["kind": "text_templates", "id": String(id), "action": action]), at: now)
    }
}
