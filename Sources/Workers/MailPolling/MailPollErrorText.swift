import Domain
import Mail

/// A failed poll in words for an account's status: what went wrong and what an administrator can check.
/// The texts quote the server but never the password.
enum MailPollErrorText {
    static func describe(_ error: any Error, account: MailAccount) -> String {
        let server = "\(account.host):\(account.port)"
        guard let imap = error as? IMAPError else {
            return "A message could not be filed and stays on the server until the next poll: \(error)"
        }
        switch imap {
        case .authenticationFailed(let reason):
            return "The server \(server) refused the user name or password of '\(account.username)': \(reason)"
        case .connectionFailed(let reason):
            return "Cannot connect to the server \(reason)"
        case .tlsFailed(let reason):
            return "TLS with \(server) failed (check the certificate and the security setting): \(reason)"
        case .startTLSUnavailable:
            return "The server \(server) does not offer STARTTLS; choose 'tls' or another port."
        case .timeout(let what):
            return "The server \(server) did not answer in time: \(what)"
        case .commandFailed(let command, let status, let text) where command == "SELECT":
            return "The folder '\(account.folder)' cannot be opened (\(status)): \(text)"
        default:
            return "IMAP error with \(server): \(imap)"
        }
    }
}
