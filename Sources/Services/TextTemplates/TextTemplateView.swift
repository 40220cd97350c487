import Domain
import Foundation

/// A text template as callers see it, with the name of its queue.
public struct TextTemplateView: Sendable, Encodable, Equatable {
    public var id: Int64
    public var name: String
    public var textDE: String?
    public var textEN: String?
    public var queueId: Int64?
    public var queue: String?
    public var isActive: Bool
    public var createdAt: Date
    public var changedAt: Date

    init(_ template: TextTemplate, master: MasterData) {
        id = template.id
        name = template.name
        textDE = template.textDE
        textEN = template.textEN
        queueId = template.queueID
        queue = template.queueID.flatMap(master.queue)?.name
        isActive = template.isActive
        createdAt = template.createdAt
        changedAt = template.changedAt
    }
}

/// A text template filled in for one ticket and agent.
public struct RenderedTextTemplate: Sendable, Encodable, Equatable {
    public var templateId: Int64
    public var ticketId: Int64
    /// `de` or `en`: the language of the text.
    public var language: String
    public var text: String
}
