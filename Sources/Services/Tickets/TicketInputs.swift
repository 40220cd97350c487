import Domain
import Foundation

/// A new ticket as the API, UI, mail and workflows submit it. Master data may be named or given by id.
public struct NewTicket: Sendable, Decodable {
    public var title: String
    public var queue: String?
    public var queueId: Int64?
    public var state: String?
    public var stateId: Int64?
    public var priority: String?
    public var priorityId: Int64?
    public var type: String?
    public var typeId: Int64?
    public var service: String?
    public var serviceId: Int64?
    /// The requester's mail address; an unknown address becomes a new contact.
    public var customer: String?
    /// The requester's name ("Karin Lehmann" or "Lehmann, Karin") for a contact made from `customer`;
    /// ignored when the address belongs to a contact already.
    public var customerName: String?
    public var contactId: Int64?
    /// The requester's organisation; default: the contact's.
    public var organisationId: Int64?
    public var ownerId: Int64?
    public var responsibleId: Int64?
    public var pendingUntil: Date?
    public var article: NewArticle?
    public var fields: [String: FieldInput]?

    public init(title: String, queue: String? = nil, customer: String? = nil, article: NewArticle? = nil) {
        self.title = title
        self.queue = queue
        self.customer = customer
        self.article = article
    }
}

/// A new article: a reply, note, phone call or mail.
public struct NewArticle: Sendable, Decodable {
    public var subject: String?
    public var body: String
    /// `text/plain` (default) or `text/html`; HTML is sanitised and a text version derived.
    public var contentType: String?
    public var customerVisible: Bool?
    public var channel: ArticleChannel?
    public var from: String?
    public var to: String?
    public var cc: String?
    /// Blind-copy recipients of an email article; they receive it but appear in no header and are not stored.
    public var bcc: String?
    public var messageId: String?
    public var inReplyTo: String?
    public var references: String?
    public var attachments: [NewAttachment]?
    /// True to send the article as mail (agents only, channel email): composed from the queue's system address,
    /// stored as sent and delivered through the outbox. Without it an email article only records a mail.
    public var send: Bool?
    /// Attachments already stored on the same ticket to send again with an email article (forwarding).
    public var attachmentIds: [Int64]?
    /// Working minutes to book with the article.
    public var timeMinutes: Int?
    /// Dynamic field values of the article, by field name.
    public var fields: [String: FieldInput]?

    public init(subject: String? = nil, body: String, contentType: String? = nil, customerVisible: Bool? = nil) {
        self.subject = subject
        self.body = body
        self.contentType = contentType
        self.customerVisible = customerVisible
    }
}

/// A file to attach, its content base64-encoded.
public struct NewAttachment: Sendable, Decodable {
    public var filename: String
    public var contentType: String?
    public var contentBase64: String
    public var contentId: String?

    public init(filename: String, contentType: String? = nil, contentBase64: String, contentId: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.contentBase64 = contentBase64
        self.contentId = contentId
    }
}

/// Changes to a ticket's attributes; absent keys stay as they are, `null` clears optional ones.
public struct TicketChanges: Sendable, Decodable {
    public var title: String?
    public var queue: String?
    public var queueId: Int64?
    public var state: String?
    public var stateId: Int64?
    public var priority: String?
    public var priorityId: Int64?
    public var type: Change<String>?
    public var typeId: Change<Int64>?
    public var service: Change<String>?
    public var serviceId: Change<Int64>?
    public var ownerId: Change<Int64>?
    public var responsibleId: Change<Int64>?
    public var contactId: Change<Int64>?
    public var organisationId: Change<Int64>?
    public var pendingUntil: Change<Date>?
    public var fields: [String: FieldInput]?

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case title, queue, queueId, state, stateId, priority, priorityId, type, typeId, service, serviceId
        case ownerId, responsibleId, contactId, organisationId, pendingUntil, fields
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        queue = try c.decodeIfPresent(String.self, forKey: .queue)
        queueId = try c.decodeIfPresent(Int64.self, forKey: .queueId)
        state = try c.decodeIfPresent(String.self, forKey: .state)
        stateId = try c.decodeIfPresent(Int64.self, forKey: .stateId)
        priority = try c.decodeIfPresent(String.self, forKey: .priority)
        priorityId = try c.decodeIfPresent(Int64.self, forKey: .priorityId)
        type = try c.decodeChange(String.self, forKey: .type)
        typeId = try c.decodeChange(Int64.self, forKey: .typeId)
        service = try c.decodeChange(String.self, forKey: .service)
        serviceId = try c.decodeChange(Int64.self, forKey: .serviceId)
        ownerId = try c.decodeChange(Int64.self, forKey: .ownerId)
        responsibleId = try c.decodeChange(Int64.self, forKey: .responsibleId)
        contactId = try c.decodeChange(Int64.self, forKey: .contactId)
        organisationId = try c.decodeChange(Int64.self, forKey: .organisationId)
        pendingUntil = try c.decodeChange(Date.self, forKey: .pendingUntil)
        fields = try c.decodeIfPresent([String: FieldInput].self, forKey: .fields)
    }
}
