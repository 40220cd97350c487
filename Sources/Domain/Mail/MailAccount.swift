import Foundation

/// An IMAP mailbox the workers poll for new mail, as an administrator configured it.
///
/// The password is kept for signing in and never leaves the server: it is not among the coding keys, so no
/// encoding of an account (an API answer, a log line) can carry it.
public struct MailAccount: Sendable, Equatable, Identifiable, Encodable {
    enum CodingKeys: String, CodingKey {
        case id, name, host, port, security, username, folder, queueID, isTrusted, afterImport, moveFolder, pollInterval, isActive
    }

    public var id: Int64
    /// A name for administrators, unique (case-insensitively).
    public var name: String
    public var host: String
    public var port: Int
    public var security: MailAccountSecurity
    public var username: String
    public var password: String
    /// The folder to read, such as `INBOX`.
    public var folder: String
    /// The queue for new tickets from this mailbox (unless a system address among the recipients routes elsewhere).
    public var queueID: Int64
    /// Whether postmaster filters may act on control headers (`X-Ticketwerk-*`) of messages from this mailbox.
    public var isTrusted: Bool
    /// What happens to a message on the server once its intake committed.
    public var afterImport: MailAccountAfterImport
    /// The folder messages move to when `afterImport` is `move`.
    public var moveFolder: String?
    /// Seconds between polls while all goes well.
    public var pollInterval: Int
    public var isActive: Bool

    public init(
        id: Int64, name: String, host: String, port: Int, security: MailAccountSecurity, username: String, password: String,
        folder: String = "INBOX", queueID: Int64, isTrusted: Bool = false, afterImport: MailAccountAfterImport = .delete,
        moveFolder: String? = nil, pollInterval: Int = 60, isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.queueID = queueID
        self.isTrusted = isTrusted
        self.afterImport = afterImport
        self.moveFolder = moveFolder
        self.pollInterval = pollInterval
        self.isActive = isActive
    }
}

/// How the connection to a mail account's server is protected.
public enum MailAccountSecurity: String, Sendable, Codable, CaseIterable {
    case none
    case starttls
    case tls
}

/// What happens to an imported message on the server.
public enum MailAccountAfterImport: String, Sendable, Codable, CaseIterable {
    /// Deleted (flagged `\Deleted` and expunged).
    case delete
    /// Moved to the account's `moveFolder`.
    case move
}

extension MailAccount: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The account for logs, debuggers and `dump`, with the password left out.
    public var description: String {
        "MailAccount(id: \(id), name: \(name), \(username)@\(host):\(port), \(security.rawValue), folder: \(folder))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "id": id, "name": name, "host": host, "port": port, "security": security, "username": username, "folder": folder,
            "queueID": queueID, "isTrusted": isTrusted, "afterImport": afterImport, "moveFolder": moveFolder as Any,
            "pollInterval": pollInterval, "isActive": isActive,
        ])
    }
}
