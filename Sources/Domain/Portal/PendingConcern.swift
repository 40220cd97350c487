import Foundation

/// A citizen's submission waiting for the confirmation of its mail address; becomes a ticket when confirmed
/// before `expiresAt`. `submission` is the checked answers as JSON.
public struct PendingConcern: Sendable, Equatable, Identifiable {
    /// How long a confirmation link stays valid.
    public static let lifetime: TimeInterval = 24 * 3600

    public var id: Int64
    public var tokenHash: String
    public var email: String
    public var categoryID: Int64
    public var formID: Int64
    public var formVersion: Int64
    public var language: String
    public var submission: String
    public var createdAt: Date
    public var expiresAt: Date
    public var ticketID: Int64?

    public init(
        id: Int64 = 0, tokenHash: String, email: String, categoryID: Int64, formID: Int64, formVersion: Int64, language: String,
        submission: String, createdAt: Date, expiresAt: Date, ticketID: Int64? = nil
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.email = email
        self.categoryID = categoryID
        self.formID = formID
        self.formVersion = formVersion
        self.language = language
        self.submission = submission
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.ticketID = ticketID
    }
}
