import Foundation

/// An organisation (department, office, company); organisations form a tree.
public struct Organisation: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var parentID: Int64?
    /// Mail domains such as `leipzig.de` or `*.leipzig.de`; senders from them belong here.
    public var mailDomains: [String]
    public var isActive: Bool
    public var createdAt: Date

    public init(id: Int64, name: String, parentID: Int64? = nil, mailDomains: [String] = [], isActive: Bool = true, createdAt: Date) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.mailDomains = mailDomains
        self.isActive = isActive
        self.createdAt = createdAt
    }

    /// Whether `address` falls under one of the organisation's mail domains.
    public func covers(address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let domain = address[address.index(after: at)...].lowercased()
        return mailDomains.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern.hasPrefix("*.") {
                return domain.hasSuffix(pattern.dropFirst(1))
            }
            return domain == pattern
        }
    }
}
