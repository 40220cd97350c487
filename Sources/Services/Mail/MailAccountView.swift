import Domain

/// A mail account as administrators see it: its settings (without the password, which `MailAccount` never
/// encodes) and, under `status`, how polling it went.
public struct MailAccountView: Sendable, Encodable, Equatable {
    public var account: MailAccount
    public var status: MailAccountStatus

    private enum CodingKeys: String, CodingKey { case status }

    public func encode(to encoder: any Encoder) throws {
        try account.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
    }
}
