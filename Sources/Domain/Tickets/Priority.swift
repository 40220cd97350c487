/// A ticket priority; a higher `rank` is more urgent.
public struct Priority: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var nameEN: String?
    public var rank: Int
    public var isActive: Bool

    public init(id: Int64, name: String, nameEN: String? = nil, rank: Int, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.nameEN = nameEN
        self.rank = rank
        self.isActive = isActive
    }
}
