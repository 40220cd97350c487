import Domain
import Foundation

/// A request in a requester's list: the ticket's number and title, its state in plain words, and the SLA promise.
public struct RequestSummary: Sendable, Encodable {
    /// The SLA promise in plain words, with the instant it names.
    public struct Promise: Sendable, Encodable {
        public var kind: SLAPromise.Kind
        public var dueAt: Date
        public var text: String
    }

    public var ticketId: Int64
    public var number: String
    public var title: String
    public var status: CustomerStatus
    public var statusText: String
    public var promise: Promise?
    public var createdAt: Date
    public var changedAt: Date
}

/// One customer-visible message of a request.
public struct RequestMessage: Sendable, Encodable {
    public struct File: Sendable, Encodable {
        public var attachmentId: Int64
        public var filename: String
        public var contentType: String
        public var size: Int
    }

    public var articleId: Int64
    /// Who wrote it: `customer` (the requester's side), `agent` or `system`.
    public var sender: ArticleSender
    public var subject: String?
    public var text: String
    public var html: String?
    public var createdAt: Date
    public var attachments: [File]
}

/// A request with its messages and what the requester may do with it.
public struct RequestDetail: Sendable, Encodable {
    public var request: RequestSummary
    public var formId: Int64?
    public var formVersion: Int64?
    /// Whether the request is solved, so that the requester may confirm or reopen it.
    public var canConfirm: Bool
    public var messages: [RequestMessage]

    private enum Key: String, CodingKey { case formId, formVersion, canConfirm, canReopen, messages }

    public func encode(to encoder: any Encoder) throws {
        try request.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(formId, forKey: .formId)
        try container.encodeIfPresent(formVersion, forKey: .formVersion)
        try container.encode(canConfirm, forKey: .canConfirm)
        try container.encode(canConfirm, forKey: .canReopen)
        try container.encode(messages, forKey: .messages)
    }
}

/// A page of requests.
public struct RequestPage: Sendable, Encodable {
    public var items: [RequestSummary]
    public var next: String?
}
