/// How an SMTP connection is protected.
public enum SMTPSecurity: String, Sendable, Hashable, CaseIterable {
    /// No TLS (only for a relay on the same host or a trusted network; AUTH is refused).
    case none
    /// Plain connection upgraded with `STARTTLS` before anything else is sent (submission port 587).
    case startTLS = "starttls"
    /// TLS from the first byte (port 465, "SMTPS").
    case tls
}
