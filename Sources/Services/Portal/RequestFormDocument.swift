import Domain
import Foundation

/// A form version as administrators read and write it: the definition with its id, version and times.
public struct RequestFormDocument: Sendable, Encodable {
    public var record: RequestFormRecord

    private enum Key: String, CodingKey { case id, version, createdAt, changedAt }

    public func encode(to encoder: any Encoder) throws {
        try record.form.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.version, forKey: .version)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.changedAt, forKey: .changedAt)
    }
}

/// What a submission to a draft form would create: the ticket's title, its first article and its field values.
public struct FormPreview: Sendable, Encodable {
    public var title: String
    public var text: String
    public var fields: [String: FieldInput]
}

/// One saved version of a form: its number and when it was saved.
public struct RequestFormVersion: Sendable, Encodable, Equatable {
    public var version: Int64
    public var createdAt: Date
}
