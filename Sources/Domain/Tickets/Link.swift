import Foundation

/// A typed link from a ticket to another ticket or a config item.
public struct Link: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var type: LinkType
    public var sourceTicketID: Int64
    public var targetObject: LinkObject
    public var targetID: Int64
    public var createdAt: Date
    public var createdBy: Int64?

    public init(id: Int64, type: LinkType, sourceTicketID: Int64, targetObject: LinkObject, targetID: Int64, createdAt: Date, createdBy: Int64?) {
        self.id = id
        self.type = type
        self.sourceTicketID = sourceTicketID
        self.targetObject = targetObject
        self.targetID = targetID
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
