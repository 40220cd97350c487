import Foundation

/// An inbound mail a postmaster filter dropped: kept with its raw bytes, no ticket made; administrators see it.
public struct IgnoredMail: Sendable, Equatable, Identifiable, Encodable {
    public var id: Int64
    public var receivedAt: Date
    /// The filter that dropped it (its name at the time; the filter may since be gone).
    public var filterName: String
    public var subject: String?
    public var from: String?
    public var messageID: String?
    public var size: Int

    public init(id: Int64, receivedAt: Date, filterName: String, subject: String?, from: String?, messageID: String?, size: Int) {
        self.id = id
        self.receivedAt = receivedAt
        self.filterName = filterName
        self.subject = subject
        self.from = from
        self.messageID = messageID
        self.size = size
    }
}
