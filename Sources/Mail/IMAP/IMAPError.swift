/// Why an IMAP operation failed. Texts quote the server but never hold credentials.
public enum IMAPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TCP connection could not be made (refused, unreachable host, unknown name).
    case connectionFailed(String)
    /// The server did not answer within the configured time.
    case timeout(String)
    /// The TLS handshake failed (untrusted or mismatching certificate, protocol mismatch).
    case tlsFailed(String)
    /// STARTTLS was required but the server does not offer it.
    case startTLSUnavailable
    /// The server refused the user name or password.
    case authenticationFailed(String)
    /// The server answered `NO` or `BAD` to a command.
    case commandFailed(command: String, status: String, text: String)
    /// The server closed the connection (`BYE`, or the socket closed).
    case connectionClosed(String)
    /// The server sent something that is not IMAP, or a literal larger than allowed.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .connectionFailed(let why): "cannot connect: \(why)"
        case .timeout(let what): "timed out: \(what)"
        case .tlsFailed(let why): "TLS failed: \(why)"
        case .startTLSUnavailable: "the server does not offer STARTTLS"
        case .authenticationFailed(let text): "authentication failed: \(text)"
        case .commandFailed(let command, let status, let text): "\(command) failed: \(status) \(text)"
        case .connectionClosed(let why): "connection closed: \(why)"
        case .protocolViolation(let what): "protocol violation: \(what)"
        }
    }
}
