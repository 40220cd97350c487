/// The rights a role grants on a queue.
public struct QueueRights: NamedRights, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let read = QueueRights(rawValue: 1 << 0)
    public static let create = QueueRights(rawValue: 1 << 1)
    public static let note = QueueRights(rawValue: 1 << 2)
    public static let reply = QueueRights(rawValue: 1 << 3)
    public static let move = QueueRights(rawValue: 1 << 4)
    public static let owner = QueueRights(rawValue: 1 << 5)
    public static let priority = QueueRights(rawValue: 1 << 6)
    /// Everything else: state, fields, merge, links, time entries.
    public static let admin = QueueRights(rawValue: 1 << 7)

    public static let all: QueueRights = [.read, .create, .note, .reply, .move, .owner, .priority, .admin]

    /// The names used in the API and in the database, in a fixed order.
    public static let names: [(String, QueueRights)] = [
        ("read", .read), ("create", .create), ("note", .note), ("reply", .reply),
        ("move", .move), ("owner", .owner), ("priority", .priority), ("admin", .admin),
    ]
}
