import Foundation

extension IMAPConnection {
    /// Signs in. Without a `method`, `AUTHENTICATE PLAIN` is used when the server offers it, else `LOGIN`.
    /// A refusal is ``IMAPError/authenticationFailed(_:)`` with the server's reason (never the password).
    public func login(username: String, password: String, method: IMAPAuthenticationMethod? = nil) async throws(IMAPError) {
        let chosen = method ?? (capabilities.contains("AUTH=PLAIN") ? .plain : .login)
        let command: IMAPCommand
        switch chosen {
        case .login:
            guard !capabilities.contains("LOGINDISABLED") else {
                throw .authenticationFailed("the server allows LOGIN only over TLS")
            }
            command = IMAPCommand("LOGIN").with(IMAPCommand.string(username) + IMAPCommand.string(password))
        case .plain:
            let response = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            command = IMAPCommand("AUTHENTICATE", .text(" PLAIN"), .afterContinuation(Array(response.utf8)))
        }
        let text: IMAPResponseText
        do {
            text = try await execute(command).text
        } catch .commandFailed(_, _, let reason) {
            throw .authenticationFailed(reason)
        }
        try await learnCapabilities(from: text)
    }

    /// Selects a mailbox (read-write) by its name, such as `INBOX` or `Archiv/2026`.
    public func select(_ mailbox: String) async throws(IMAPError) -> IMAPMailboxStatus {
        let (untagged, _) = try await execute(IMAPCommand("SELECT").with(IMAPCommand.mailbox(mailbox)))
        var status = IMAPMailboxStatus(exists: 0)
        for response in untagged {
            switch response {
            case .exists(let count):
                status.exists = count
            case .condition(.ok, let text):
                let words = text.codeWords
                guard words.count == 2 else { continue }
                if words[0].uppercased() == "UIDVALIDITY" { status.uidValidity = UInt32(words[1]) }
                if words[0].uppercased() == "UIDNEXT" { status.uidNext = UInt32(words[1]) }
            default:
                continue
            }
        }
        return status
    }

    /// Creates a mailbox; one that exists already is no error.
    public func create(_ mailbox: String) async throws(IMAPError) {
        do {
            _ = try await execute(IMAPCommand("CREATE").with(IMAPCommand.mailbox(mailbox)))
        } catch .commandFailed(_, "NO", let text) where text.uppercased().contains("ALREADYEXISTS") || text.lowercased().contains("exists") {
            return
        }
    }

    /// Stores a message in a mailbox (`APPEND`), for tests and for filing copies.
    public func append(_ message: [UInt8], to mailbox: String, flags: [String] = []) async throws(IMAPError) {
        let flagList = flags.isEmpty ? "" : " (" + flags.joined(separator: " ") + ")"
        _ = try await execute(IMAPCommand("APPEND").with(IMAPCommand.mailbox(mailbox) + [.text(flagList + " "), .literal(message)]))
    }
}
