/// Why a delivery failed, sorted by what the sender should do: ``isPermanent`` failures (5xx for the message
/// or its recipients) will fail again; the others (4xx, network, TLS, timeouts, authentication) may pass later.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered `reply` to `command` (`MAIL`, `RCPT`, `DATA`, `end of data`, `EHLO`, `AUTH` …).
    case rejected(command: String, reply: SMTPReply)
    /// Every recipient was refused; the server's reply per recipient.
    case recipientsRejected([String: SMTPReply])
    /// Connecting, TLS or the connection failed.
    case connection(String)
    /// The server did not answer in time.
    case timeout(String)
    /// The server spoke something that is not SMTP.
    case protocolViolation(String)
    /// An envelope address that cannot be written into a command (empty, control characters, brackets).
    case invalidAddress(String)
    /// The settings cannot work with this server (no STARTTLS offered, no usable AUTH mechanism, AUTH without TLS).
    case configuration(String)

    /// True when sending the same message again cannot succeed: a 5xx answer about the message or its recipients.
    /// A 5xx to `EHLO` or `AUTH` is about the server or the credentials, which an administrator can fix: transient.
    public var isPermanent: Bool {
        switch self {
        case .rejected(let command, let reply):
            reply.isPermanentFailure && ["MAIL", "RCPT", "DATA", "end of data"].contains(command)
        case .recipientsRejected(let replies):
            replies.values.allSatisfy(\.isPermanentFailure)
        case .invalidAddress:
            true
        case .connection, .timeout, .protocolViolation, .configuration:
            false
        }
    }

    public var description: String {
        switch self {
        case .rejected(let command, let reply): "\(command) rejected: \(reply)"
        case .recipientsRejected(let replies):
            "all recipients rejected: " + replies.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        case .invalidAddress(let address): "invalid envelope address '\(address)'"
        case .connection(let message): "connection failed: \(message)"
        case .timeout(let message): "timeout: \(message)"
        case .protocolViolation(let message): "protocol error: \(message)"
        case .configuration(let message): "configuration: \(message)"
        }
    }
}
