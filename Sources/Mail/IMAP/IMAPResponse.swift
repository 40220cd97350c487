/// A parsed server response.
enum IMAPResponse: Sendable, Equatable {
    /// `+ …`: the server waits for the rest of a command (a literal, a SASL answer).
    case continuation(String)
    /// `TAG OK|NO|BAD …`: the end of a command.
    case tagged(tag: String, status: IMAPStatus, text: IMAPResponseText)
    /// `* …`: data or a notice.
    case untagged(IMAPUntaggedResponse)
}

/// The status word of a tagged response or an untagged condition.
enum IMAPStatus: String, Sendable, Equatable {
    case ok = "OK"
    case no = "NO"
    case bad = "BAD"
    case preauth = "PREAUTH"
    case bye = "BYE"
}

/// The human-readable part of a status response with its optional response code (`[UIDVALIDITY 42]`).
struct IMAPResponseText: Sendable, Equatable, CustomStringConvertible {
    /// The response code without brackets, such as `UIDVALIDITY 42` or `AUTHENTICATIONFAILED`.
    var code: String?
    var text: String

    /// The code's name (`UIDVALIDITY`) and its arguments, split at spaces.
    var codeWords: [String] { code?.split(separator: " ").map(String.init) ?? [] }

    var description: String { (code.map { "[\($0)] " } ?? "") + text }
}

/// Untagged server data.
enum IMAPUntaggedResponse: Sendable, Equatable {
    case condition(IMAPStatus, IMAPResponseText)
    case capability([String])
    case exists(Int)
    case expunge(Int)
    case search([UInt32])
    /// `* n FETCH (…)`: the message's attributes by upper-cased name (`UID`, `RFC822.SIZE`, `BODY[]`).
    case fetch(sequence: Int, attributes: [String: IMAPValue])
    /// Anything else (`FLAGS`, `RECENT`, `LIST` …), by its name.
    case other(String)
}
