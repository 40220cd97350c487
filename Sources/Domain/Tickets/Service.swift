/// A service the IT department offers; services form a tree.
public struct Service: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var parentID: Int64?
    public var comment: String?
    public var isActive: Bool

    public init(id: Int64, name: String, parentID: Int64? = nil, comment: String? = nil, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.comment = comment
        self.isActive = isActive
    }
}
