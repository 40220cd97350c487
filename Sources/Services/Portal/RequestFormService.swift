import Domain
import Foundation
import SQLKit
import Store

/// Request forms for administrators: every save is a new version (tickets keep the version they were created
/// with), checked against the fields, master data and CMDB classes it refers to; a draft can be tried out.
public struct RequestFormService: Sendable {
    let context: ServiceContext
    let masterData: MasterDataCache

    public init(context: ServiceContext, masterData: MasterDataCache) {
        self.context = context
        self.masterData = masterData
    }

    public func forms(by principal: Principal) async throws -> [RequestFormDocument] {
        try AccessPolicy.requireAdmin(principal)
        return try await context.database.read { db in try await RequestFormRepository(db).all().map(RequestFormDocument.init) }
    }

    /// The current version of a form.
    public func form(_ id: Int64, by principal: Principal) async throws -> RequestFormDocument {
        try AccessPolicy.requireAdmin(principal)
        guard let record = try await context.database.read({ db in try await RequestFormRepository(db).find(id) }) else {
            throw DomainError.notFound("No form \(id).")
        }
        return RequestFormDocument(record: record)
    }

    /// An earlier (or the current) version of a form.
    public func version(_ version: Int64, of id: Int64, by principal: Principal) async throws -> RequestFormDocument {
        try AccessPolicy.requireAdmin(principal)
        guard let record = try await context.database.read({ db in try await RequestFormRepository(db).version(version, of: id) }) else {
            throw DomainError.notFound("No version \(version) of form \(id).")
        }
        return RequestFormDocument(record: record)
    }

    /// The numbers and times of every version of a form, oldest first.
    public func versions(of id: Int64, by principal: Principal) async throws -> [RequestFormVersion] {
        try AccessPolicy.requireAdmin(principal)
        return try await context.database.read { db in
            try await RequestFormRepository(db).versions(of: id).map { RequestFormVersion(version: $0.version, createdAt: $0.createdAt) }
        }
    }

    /// A draft as requesters would see it, after the checks a save makes (refused drafts throw as a save would).
    public func rendered(_ form: RequestForm, by principal: Principal) async throws -> RenderedForm {
        try AccessPolicy.requireAdmin(principal)
        let references = try await references()
        try Self.check(form, against: references)
        let now = context.now()
        return RenderedForm(RequestFormRecord(id: 0, version: 0, form: form, createdAt: now, changedAt: now), fields: Array(references.fields.values))
    }

    /// A saved version as requesters saw it, rendered with today's field definitions.
    public func rendered(version: Int64, of id: Int64, by principal: Principal) async throws -> RenderedForm {
        let document = try await self.version(version, of: id, by: principal)
        let fields = try await context.database.read { db in try await FieldRepository(db).definitions(for: .ticket) }
        return RenderedForm(document.record, fields: fields)
    }

    /// Creates a form as version 1; with `offeredIn`, the same transaction makes that category (and only it) offer
    /// the form (`.clear`: none does).
    public func create(_ form: RequestForm, offeredIn: Change<Int64>? = nil, by principal: Principal) async throws -> RequestFormDocument {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        let references = try await references()
        return try await context.database.transaction { db in
            try Self.check(form, against: references)
            let record = try await RequestFormRepository(db).insert(form, by: principal.actorID, at: now)
            try await PortalEvents.record("portal.form", id: record.id, action: "created", by: principal, at: now, db: db)
            try await Self.offer(record.id, in: offeredIn, by: principal, at: now, db: db)
            return RequestFormDocument(record: record)
        }
    }

    /// Saves `form` as the next version of form `id`; with `expectedVersion`, a form saved meanwhile is refused (412);
    /// with `offeredIn`, as in `create`.
    public func save(
        _ id: Int64, _ form: RequestForm, expectedVersion: Int64?, offeredIn: Change<Int64>? = nil, by principal: Principal
    ) async throws -> RequestFormDocument {
        try AccessPolicy.requireAdmin(principal)
        let now = context.now()
        let references = try await references()
        return try await context.database.transaction { db in
            let repository = RequestFormRepository(db)
            guard let current = try await repository.find(id) else { throw DomainError.notFound("No form \(id).") }
            if let expectedVersion, expectedVersion != current.version {
                throw DomainError.stale("The form was saved meanwhile (version \(current.version), you sent \(expectedVersion)).")
            }
            try Self.check(form, against: references)
            guard let record = try await repository.save(form, of: id, expectedVersion: current.version, by: principal.actorID, at: now) else {
                throw DomainError.stale("The form was saved meanwhile.")
            }
            try await PortalEvents.record("portal.form", id: id, action: "version \(record.version)", by: principal, at: now, db: db)
            try await Self.offer(id, in: offeredIn, by: principal, at: now, db: db)
            return RequestFormDocument(record: record)
        }
    }

    /// Checks a draft and answers to it as a submission would, creating nothing.
    public func preview(_ request: FormPreviewRequest, by principal: Principal) async throws -> FormPreview {
        try AccessPolicy.requireAdmin(principal)
        let references = try await references()
        let dialect = context.database.dialect
        try Self.check(request.form, against: references, prefix: "form.")
        let checked = try await context.database.read { db in
            try await SubmissionChecker(db: db, dialect: dialect).check(
                request.form, FormSubmission(answers: request.answers, uploads: request.uploads), requester: .preview,
                requesterName: principal.login, language: principal.locale
            )
        }
        return FormPreview(title: checked.title, text: checked.text, fields: checked.fields)
    }

    /// Makes the category named by `change` (and no other) offer form `formID`; `.clear`: no category; nil: leaves
    /// the catalogue alone. Every category changed is recorded like any change of the catalogue.
    private static func offer(_ formID: Int64, in change: Change<Int64>?, by principal: Principal, at now: Date, db: any SQLDatabase) async throws {
        guard let change else { return }
        let repository = CatalogueRepository(db)
        let all = try await repository.all()
        if let chosen = change.value, !all.contains(where: { $0.id == chosen }) {
            throw DomainError.invalid(field: "categoryId", "Unknown category \(chosen).")
        }
        for var category in all where (category.formID == formID) != (category.id == change.value) {
            category.formID = category.id == change.value ? formID : nil
            category.changedAt = now
            guard try await repository.update(category) != nil else { throw DomainError.stale("The category was changed meanwhile.") }
            try await PortalEvents.record("portal.category", id: category.id, action: "updated", by: principal, at: now, db: db)
        }
    }

    /// What forms may refer to: ticket fields, active queues, types, priorities, services and CMDB classes.
    private func references() async throws -> FormReferences {
        let master = try await masterData.current(context.database)
        let (fields, classes) = try await context.database.read { db in
            (try await FieldRepository(db).definitions(for: .ticket), try await CIClassRepository(db).all())
        }
        return FormReferences(
            fields: fields, queueIDs: Set(master.queues.filter(\.isActive).map(\.id)), typeIDs: Set(master.types.map(\.id)),
            priorityIDs: Set(master.priorities.map(\.id)), serviceIDs: Set(master.services.map(\.id)), ciClassIDs: Set(classes.map(\.id))
        )
    }

    private static func check(_ form: RequestForm, against references: FormReferences, prefix: String = "") throws(DomainError) {
        let issues = form.validate(against: references)
        guard issues.isEmpty else {
            throw .invalid("The form is not valid.", issues: issues.map { FieldIssue(field: prefix + $0.field, message: $0.message) })
        }
    }
}
