import Domain
import Foundation
import SQLKit
import Store

/// Citizens' concerns without an account: a public form per category, confirmed through a mailed link (24 hours),
/// then a ticket for the address (found or created as mail intake does) with a private status link that shows the
/// request and takes replies. Abuse protection: a honeypot field, size limits, and rate limits per address and per
/// network address kept in the database, so that every server of an installation counts alike.
public struct CitizenService: Sendable {
    /// The most bytes of files one concern carries.
    static let maxUploadBytes = 10 * 1024 * 1024
    /// The most characters of answers one concern carries.
    static let maxAnswerCharacters = 100_000

    let context: ServiceContext
    let requests: RequestService

    public init(context: ServiceContext, requests: RequestService) {
        self.context = context
        self.requests = requests
    }

    var tickets: TicketService { requests.tickets }

    /// Accepts a concern for category `categoryID` from `networkAddress`: stores it pending and mails the
    /// confirmation link. A filled honeypot gets the same answer and stores nothing.
    public func submit(to categoryID: Int64, _ submission: CitizenSubmission, from networkAddress: String) async throws -> CitizenReceipt {
        let now = context.now()
        let expiresAt = now.addingTimeInterval(PendingConcern.lifetime)
        let receipt = CitizenReceipt(status: "pending", expiresAt: expiresAt)
        let language = RequestService.language(submission.language)
        let email = try AddressRules.normalise(submission.email, field: "email")
        try Self.checkSize(submission)
        let master = try await tickets.masterData.current(context.database)
        let dialect = context.database.dialect
        let answers = FormSubmission(answers: submission.answers, uploads: submission.uploads)
        let (category, record) = try await context.database.read { db in
            let category = try await CatalogueService.visibleCategory(categoryID, for: nil, db: db)
            guard let formID = category.formID, let record = try await RequestFormRepository(db).find(formID) else {
                throw DomainError.conflict("This category has no form to fill in.")
            }
            _ = try await SubmissionChecker(db: db, dialect: dialect).check(record.form, answers, requester: .citizen, requesterName: email, language: language)
            return (category, record)
        }
        guard (submission.website ?? "").isEmpty else { return receipt }
        let token = Secrets.newToken(prefix: "")
        let stored = String(decoding: try JSONEncoder().encode(StoredSubmission(answers)), as: UTF8.self)
        let configuration = context.configuration
        let fields = tickets.fields
        try await context.database.transaction { db in
            let ledger = PendingConcernRepository(db, dialect: dialect)
            let settings = try await PortalTextRepository(db).settings()
            let hourAgo = now.addingTimeInterval(-3600)
            try await ledger.prune(before: now.addingTimeInterval(-PendingConcern.lifetime))
            guard try await ledger.admit(scope: "address", subject: email, limit: settings.submissionsPerAddressPerHour, since: hourAgo, at: now) else {
                throw DomainError.rateLimited("Too many concerns from this mail address; please try again in an hour.")
            }
            guard try await ledger.admit(
                scope: "network", subject: networkAddress, limit: settings.submissionsPerNetworkAddressPerHour, since: hourAgo, at: now
            ) else {
                throw DomainError.rateLimited("Too many concerns from this network; please try again in an hour.")
            }
            try await ledger.insert(PendingConcern(
                tokenHash: Secrets.hash(token), email: email, categoryID: category.id, formID: record.id, formVersion: record.version,
                language: language, submission: stored, createdAt: now, expiresAt: expiresAt
            ))
            try await PortalMailer(db: db, dialect: dialect, now: now, configuration: configuration, master: master, fields: fields)
                .askConfirmation(to: email, language: language, category: category, queueID: record.form.queueID, settings: settings,
                                 link: settings.publicBaseURL + "/portal/confirm?token=" + token)
        }
        return receipt
    }

    /// Confirms a pending concern by the token from its link: creates the ticket (customer: the address), and
    /// answers with the ticket number and the private status link, which is also mailed.
    public func confirm(token: String) async throws -> CitizenConfirmation {
        let now = context.now()
        let hash = Secrets.hash(token)
        let dialect = context.database.dialect
        let master = try await tickets.masterData.current(context.database)
        let (pending, record, checked) = try await context.database.read { db in
            guard let pending = try await PendingConcernRepository(db, dialect: dialect).find(tokenHash: hash), pending.expiresAt > now else {
                throw DomainError.notFound("This confirmation link is unknown or has expired; please submit the concern again.")
            }
            guard pending.ticketID == nil else { throw DomainError.conflict("This concern has been confirmed already.") }
            guard let record = try await RequestFormRepository(db).version(pending.formVersion, of: pending.formID) else {
                throw DomainError.notFound("The form of this concern no longer exists.")
            }
            let stored = try JSONDecoder().decode(StoredSubmission.self, from: Data(pending.submission.utf8))
            let checked = try await SubmissionChecker(db: db, dialect: dialect).check(
                record.form, stored.submission, requester: .citizen, requesterName: pending.email, language: pending.language
            )
            return (pending, record, checked)
        }
        let statusToken = Secrets.newToken(prefix: "")
        let settings = try await context.database.read { db in try await PortalTextRepository(db).settings() }
        let link = settings.publicBaseURL + "/portal/status?token=" + statusToken
        var draft = try requests.draft(checked, by: .system)
        draft.from = pending.email
        let request = PortalRequest(
            ticketID: 0, formID: record.id, formVersion: record.version, categoryID: pending.categoryID, language: pending.language,
            requesterEmail: pending.email, requesterName: nil, statusTokenHash: Secrets.hash(statusToken), createdAt: now
        )
        let ticket = try await requests.create(
            checked, form: record.form, request: request, article: draft, by: .system, master: master, customer: pending.email,
            notice: .citizenCreated, link: link
        ) { db, ticket in
            let ledger = PendingConcernRepository(db, dialect: dialect)
            guard let locked = try await ledger.find(tokenHash: hash, forUpdate: true), locked.ticketID == nil else {
                throw DomainError.conflict("This concern has been confirmed already.")
            }
            try await ledger.markConfirmed(locked.id, ticketID: ticket.id)
        }
        return CitizenConfirmation(number: ticket.number, title: ticket.title, statusToken: statusToken, statusUrl: link)
    }

    /// The request behind a private status link.
    public func status(token: String) async throws -> RequestDetail {
        let (ticketID, principal, language) = try await citizen(token)
        return try await requests.views.detail(ticketID, for: principal, language: language)
    }

    /// Adds the citizen's reply (with attachments) to the request behind a private status link.
    public func reply(token: String, _ message: RequesterMessage) async throws -> RequestDetail {
        let (ticketID, principal, language) = try await citizen(token)
        var input = NewArticle(body: message.body ?? "", customerVisible: true)
        input.attachments = message.attachments
        _ = try await tickets.addArticle(to: ticketID, input, by: principal)
        return try await requests.views.detail(ticketID, for: principal, language: language)
    }

    /// The ticket, citizen principal and language of a status token; an unknown token is not found.
    private func citizen(_ token: String) async throws -> (Int64, Principal, String) {
        let hash = Secrets.hash(token)
        let dialect = context.database.dialect
        let found = try await context.database.read { db -> (PortalRequest, Ticket)? in
            guard let request = try await PortalRequestRepository(db).find(statusTokenHash: hash),
                  let ticket = try await TicketRepository(db, dialect: dialect).find(request.ticketID, in: .everything) else { return nil }
            return (request, ticket)
        }
        guard let (request, ticket) = found, let contactID = ticket.contactID else { throw DomainError.notFound("This status link is unknown.") }
        return (ticket.id, .citizen(contactID: contactID), request.language)
    }

    private static func checkSize(_ submission: CitizenSubmission) throws(DomainError) {
        let answerCharacters = (submission.answers ?? [:]).reduce(0) { $0 + $1.key.count + $1.value.conditionWords.reduce(0) { $0 + $1.count } }
        guard answerCharacters <= maxAnswerCharacters else { throw .tooLarge("The answers are longer than \(maxAnswerCharacters) characters.") }
        let uploadBytes = (submission.uploads ?? [:]).values.joined().reduce(0) { $0 + $1.contentBase64.utf8.count * 3 / 4 }
        guard uploadBytes <= maxUploadBytes else { throw .tooLarge("The files are larger than \(maxUploadBytes / 1_048_576) MB together.") }
    }
}

/// The answer to a citizen's submission: waiting for the confirmation of the address until `expiresAt`.
public struct CitizenReceipt: Sendable, Encodable {
    public var status: String
    public var expiresAt: Date
}

/// The answer to a confirmation: the ticket's number and title and the private status link (shown once).
public struct CitizenConfirmation: Sendable, Encodable {
    public var number: String
    public var title: String
    public var statusToken: String
    public var statusUrl: String
}

/// A pending submission as stored until it is confirmed.
struct StoredSubmission: Codable {
    struct File: Codable {
        var filename: String
        var contentType: String?
        var contentBase64: String
    }

    var answers: [String: FieldInput]
    var uploads: [String: [File]]

    init(_ submission: FormSubmission) {
        answers = submission.answers ?? [:]
        uploads = (submission.uploads ?? [:]).mapValues { $0.map { File(filename: $0.filename, contentType: $0.contentType, contentBase64: $0.contentBase64) } }
    }

    var submission: FormSubmission {
        FormSubmission(answers: answers, uploads: uploads.mapValues { $0.map { NewAttachment(filename: $0.filename, contentType: $0.contentType, contentBase64: $0.contentBase64) } })
    }
}
