import Foundation

/// A queue tickets live in; queues form a tree (`parentID`).
public struct Queue: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var parentID: Int64?
    public var systemAddress: String?
    public var followUpPolicy: FollowUpPolicy
    /// The business calendar of SLAs that name none; nil: the installation's default calendar.
    public var calendarID: Int64?
    public var comment: String?
    public var isActive: Bool

    public init(
        id: Int64, name: String, parentID: Int64? = nil, systemAddress: String? = nil,
        followUpPolicy: FollowUpPolicy = .reopen, calendarID: Int64? = nil, comment: String? = nil, isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.systemAddress = systemAddress
        self.followUpPolicy = followUpPolicy
        self.calendarID = calendarID
        self.comment = comment
        self.isActive = isActive
    }
}
