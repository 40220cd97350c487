/// Which SLA applies where, installation-wide: the ordered bindings `SLAAssignment.select` chooses from, the
/// calendar of SLAs and queues that name none, and who besides a ticket's agents hears of escalations.
public struct SLAConfiguration: Sendable, Codable, Equatable {
    /// The calendar used when neither the SLA nor the ticket's queue names one; nil: Saxony's working week.
    public var defaultCalendarID: Int64?
    public var bindings: [SLABinding]
    /// The role whose agents hear of every escalation, besides owner, responsible and the queue's agents.
    public var escalationRoleID: Int64?

    public init(defaultCalendarID: Int64? = nil, bindings: [SLABinding] = [], escalationRoleID: Int64? = nil) {
        self.defaultCalendarID = defaultCalendarID
        self.bindings = bindings
        self.escalationRoleID = escalationRoleID
    }
}
