/// A text a queue's mail uses: its signature, or the template of one automatic answer in one language.
public struct QueueMailText: Sendable, Codable, Equatable {
    /// What the text is for.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Appended to every mail sent from the queue (agents' replies and automatic answers).
        case signature
        /// Confirms a new ticket opened by mail.
        case newTicket
        /// Confirms a mail added to an existing ticket.
        case followUp
        /// Tells the sender that a closed ticket does not take follow-ups (queue policy `reject`).
        case rejected
    }

    public var kind: Kind
    /// `de` or `en`; empty for the signature, which is one per queue.
    public var language: String
    /// The subject template (automatic answers only).
    public var subject: String?
    public var body: String

    public init(kind: Kind, language: String, subject: String?, body: String) {
        self.kind = kind
        self.language = language
        self.subject = subject
        self.body = body
    }

    /// The languages templates are written in.
    public static let languages = ["de", "en"]
}
