/// A named bundle of per-queue rights and role-wide rights (the CMDB's) that agents are given.
public struct Role: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var comment: String?
    /// Rights per queue id.
    public var queueRights: [Int64: QueueRights]
    /// Rights that hold in no particular queue.
    public var rights: RoleRights

    public init(id: Int64, name: String, comment: String? = nil, queueRights: [Int64: QueueRights] = [:], rights: RoleRights = []) {
        self.id = id
        self.name = name
        self.comment = comment
        self.queueRights = queueRights
        self.rights = rights
    }
}
