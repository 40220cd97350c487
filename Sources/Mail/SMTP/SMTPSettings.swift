import Foundation

/// Where and how the SMTP client delivers: the relay's address, protection, credentials and timeouts.
///
/// The password never appears in ``description`` (and so not in logs).
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    /// The user for `AUTH`; nil to send without authenticating.
    public var username: String?
    public var password: String?
    /// The `MAIL FROM` address, where bounces go; nil for each message's From address.
    public var envelopeSender: String?
    /// The name the client greets with in `EHLO`; should be this host's fully qualified name.
    public var heloName: String
    /// A PEM file of certificates to trust in addition to the system's (for a relay with a private CA).
    public var trustedCertificatesFile: String?
    /// How long connecting (TCP and TLS) may take.
    public var connectTimeout: Duration
    /// How long the server may take to answer one command (RFC 5321 section 4.5.3.2 suggests minutes).
    public var commandTimeout: Duration
    /// How long the server may take to accept the message after its last byte.
    public var dataTimeout: Duration

    public init(
        host: String, port: Int? = nil, security: SMTPSecurity = .startTLS, username: String? = nil, password: String? = nil,
        envelopeSender: String? = nil, heloName: String = "localhost", trustedCertificatesFile: String? = nil,
        connectTimeout: Duration = .seconds(30), commandTimeout: Duration = .seconds(120), dataTimeout: Duration = .seconds(600)
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        self.username = username
        self.password = password
        self.envelopeSender = envelopeSender
        self.heloName = heloName
        self.trustedCertificatesFile = trustedCertificatesFile
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.dataTimeout = dataTimeout
    }

    /// 25 without TLS, 587 for STARTTLS, 465 for implicit TLS.
    public static func defaultPort(for security: SMTPSecurity) -> Int {
        switch security {
        case .none: 25
        case .startTLS: 587
        case .tls: 465
        }
    }

    public var description: String {
        "smtp \(security.rawValue) \(host):\(port)" + (username.map { " user \($0)" } ?? "")
    }
}
