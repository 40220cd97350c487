import Foundation

/// One recorded change of an item: who changed which field or attribute (`attr.KEY`) from what to what, and when.
public struct CIHistoryEntry: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var itemID: Int64
    public var actorID: Int64?
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var createdAt: Date

    public init(id: Int64, itemID: Int64, actorID: Int64?, field: String, oldValue: String?, newValue: String?, createdAt: Date) {
        self.id = id
        self.itemID = itemID
        self.actorID = actorID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.createdAt = createdAt
    }
}
