/// A ticket state as admins name it; its `type` carries the meaning.
public struct TicketState: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    /// The English display name; `name` is the installation's primary (German) name.
    public var nameEN: String?
    public var type: StateType
    /// Whether every SLA clock pauses while a ticket is in this state.
    public var suspendsSLA: Bool
    public var isActive: Bool

    public init(id: Int64, name: String, nameEN: String? = nil, type: StateType, suspendsSLA: Bool = false, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.nameEN = nameEN
        self.type = type
        self.suspendsSLA = suspendsSLA
        self.isActive = isActive
    }
}
