import Domain

/// A postmaster filter as administrators send it; on change, missing keys keep their value.
public struct MailFilterInput: Sendable, Decodable {
    public var name: String?
    /// Where the filter runs among the others (ascending); new filters go last by default.
    public var position: Int?
    public var isActive: Bool?
    public var conditions: [MailFilterCondition]?
    public var actions: MailFilterActions?

    public init() {}
}
