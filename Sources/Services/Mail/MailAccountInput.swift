import Domain

/// A mail account's settings as administrators send them: every key optional, so one type serves creation
/// (missing keys take defaults or are refused) and changes (missing keys keep their value; an absent password is
/// kept, never echoed).
public struct MailAccountInput: Sendable, Decodable {
    public var name: String?
    public var host: String?
    public var port: Int?
    public var security: MailAccountSecurity?
    public var username: String?
    public var password: String?
    public var folder: String?
    public var queueId: Int64?
    public var isTrusted: Bool?
    public var afterImport: MailAccountAfterImport?
    public var moveFolder: String?
    public var pollInterval: Int?
    public var isActive: Bool?

    public init() {}
}
