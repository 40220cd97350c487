import Foundation

/// How polling a mail account went, for administrators.
public struct MailAccountStatus: Sendable, Equatable, Encodable {
    /// When the last poll ended, successful or not.
    public var lastPollAt: Date?
    /// When a poll last ended without error.
    public var lastSuccessAt: Date?
    /// What went wrong in the last poll, in words; nil after a successful one.
    public var lastError: String?
    /// Messages imported from this account so far.
    public var importedCount: Int64
    /// Failed polls in a row; each doubles the wait before the next (up to an hour).
    public var failures: Int
    /// When the account is due next.
    public var nextPollAt: Date
    /// Messages left on the server because their intake failed too often (see docs/mail.md).
    public var skippedCount: Int64

    public init(lastPollAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil, importedCount: Int64 = 0,
                failures: Int = 0, nextPollAt: Date, skippedCount: Int64 = 0) {
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.importedCount = importedCount
        self.failures = failures
        self.nextPollAt = nextPollAt
        self.skippedCount = skippedCount
    }
}
