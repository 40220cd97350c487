/// An administrator-editable text of the portal's automatic mail, per kind and language, with placeholders
/// (`PortalText.placeholders`) in `MailTemplate` syntax.
public struct PortalText: Sendable, Codable, Equatable {
    /// When a text is sent.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A request was submitted (confirmation with its number).
        case submitted
        /// A citizen must confirm their address (with the confirmation link).
        case confirmAddress
        /// A citizen's request was created (number and private status link).
        case citizenCreated
        /// The request is being worked on.
        case inProgress
        /// The request waits for the requester's answer.
        case waitingForYou
        /// The request is solved.
        case solved
    }

    public var kind: Kind
    public var language: String
    public var subject: String
    public var body: String

    public init(kind: Kind, language: String, subject: String, body: String) {
        self.kind = kind
        self.language = language
        self.subject = subject
        self.body = body
    }

    /// The placeholders texts may use.
    public static let placeholders = [
        "ticket.number", "ticket.title", "requester.name", "requester.email", "status", "link", "category.title",
    ]

    /// The languages texts are kept in.
    public static let languages = ["de", "en"]

    /// The text for a status change into `status`, if that status is announced.
    public static func kind(for status: CustomerStatus) -> Kind? {
        switch status {
        case .inProgress: .inProgress
        case .waitingForYou: .waitingForYou
        case .solved: .solved
        case .received, .closed: nil
        }
    }
}
