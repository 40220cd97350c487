/// A named bundle of per-queue rights and role-wide rights (the CMDB's) that agents are given.
public struct Role: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var comment: String?
    /// Rights per queue id.
    public var queueRights: [Int64: QueueRights]
    /// Rights that hold in no particular queue.
    public var rights: RoleRights
    /// Counted up by every change; `If-Match`.
    public var version: Int64

    public init(
        id: Int64, name: String, comment: String? = nil, queueRights: [Int64: QueueRights] = [:], rights: RoleRights = [], version: Int64 = 1
    ) {
        self.id = id
        self.name = name
        self.comment = comment
        self.queueRights = queueRights
        self.rights = rights
        self.version = version
    }
}
