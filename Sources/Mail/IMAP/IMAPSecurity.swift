/// How an IMAP connection is protected.
public enum IMAPSecurity: String, Sendable, Codable, CaseIterable {
    /// Plain text on the wire (only for servers on the same host or a trusted network).
    case none
    /// Plain connection upgraded with `STARTTLS` before signing in (usually port 143); refused if the server cannot.
    case startTLS = "starttls"
    /// TLS from the first byte, "IMAPS" (usually port 993).
    case tls
}
