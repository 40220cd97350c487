/// The rights a role grants independently of queues: reading and changing the CMDB's items, relations, imports and
/// saved lists. (Class definitions stay with administrators.)
public struct RoleRights: NamedRights, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// See items, their relations, history and tickets, lists, search, export and saved lists.
    public static let cmdbRead = RoleRights(rawValue: 1 << 0)
    /// Create and change items and relations, import, save and delete saved lists; includes reading.
    public static let cmdbWrite = RoleRights(rawValue: 1 << 1)

    public static let all: RoleRights = [.cmdbRead, .cmdbWrite]

    public static let names: [(String, RoleRights)] = [("cmdb.read", .cmdbRead), ("cmdb.write", .cmdbWrite)]

    /// The set with what the rights in it imply: writing the CMDB includes reading it.
    public var completed: RoleRights { contains(.cmdbWrite) ? union(.cmdbRead) : self }
}
