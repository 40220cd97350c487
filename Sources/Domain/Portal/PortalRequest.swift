import Foundation

/// The portal's record of a ticket created through a form: which form version it came from, the requester's
/// language and address, and (for citizens) the hash of the private status link's token.
public struct PortalRequest: Sendable, Equatable {
    public var ticketID: Int64
    public var formID: Int64?
    public var formVersion: Int64?
    public var categoryID: Int64?
    /// `de` or `en`: the language of the mail the requester gets.
    public var language: String
    public var requesterEmail: String?
    public var requesterName: String?
    public var statusTokenHash: String?
    public var createdAt: Date

    public init(
        ticketID: Int64, formID: Int64?, formVersion: Int64?, categoryID: Int64?, language: String, requesterEmail: String?,
        requesterName: String?, statusTokenHash: String? = nil, createdAt: Date
    ) {
        self.ticketID = ticketID
        self.formID = formID
        self.formVersion = formVersion
        self.categoryID = categoryID
        self.language = language
        self.requesterEmail = requesterEmail
        self.requesterName = requesterName
        self.statusTokenHash = statusTokenHash
        self.createdAt = createdAt
    }
}
