/// Where and how an ``IMAPConnection`` connects.
public struct IMAPConfiguration: Sendable {
    /// The server's host name or IP address.
    public var host: String
    public var port: Int
    public var security: IMAPSecurity
    /// A PEM file of certificates to trust in addition to the system's (a private CA, a self-signed server);
    /// nil trusts the system's store only. The server's name (or IP address) is always verified.
    public var trustRootsFile: String?
    /// How long to wait for the TCP connection.
    public var connectTimeout: Duration
    /// How long the server may stay silent while an answer is awaited before the connection is dropped.
    public var responseTimeout: Duration
    /// The largest literal (a message, for instance) accepted from the server, in bytes.
    public var maximumLiteralBytes: Int

    public init(
        host: String, port: Int, security: IMAPSecurity, trustRootsFile: String? = nil,
        connectTimeout: Duration = .seconds(15), responseTimeout: Duration = .seconds(60), maximumLiteralBytes: Int = 64 * 1024 * 1024
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.trustRootsFile = trustRootsFile
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
        self.maximumLiteralBytes = maximumLiteralBytes
    }
}
