/// A ticket type such as incident or service request.
public struct TicketType: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var nameEN: String?
    public var isActive: Bool

    public init(id: Int64, name: String, nameEN: String? = nil, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.nameEN = nameEN
        self.isActive = isActive
    }
}
