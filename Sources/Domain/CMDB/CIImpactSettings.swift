/// Which open tickets put the configuration items they affect into `incident` (and what depends on those into
/// `warning`): tickets of one of `ticketTypeIDs` and — unless `priorityIDs` is empty — of one of those priorities.
/// No ticket types turn the bookkeeping off: items stay as they are.
public struct CIImpactSettings: Sendable, Equatable, Codable {
    public var ticketTypeIDs: [Int64]
    /// The priorities that count; empty: every priority.
    public var priorityIDs: [Int64]
    /// Counts the changes; 0 until an administrator first saves the settings. The API's `ETag`.
    public var version: Int64

    public init(ticketTypeIDs: [Int64], priorityIDs: [Int64] = [], version: Int64 = 0) {
        self.ticketTypeIDs = ticketTypeIDs
        self.priorityIDs = priorityIDs
        self.version = version
    }

    private enum CodingKeys: String, CodingKey {
        case ticketTypeIDs = "ticketTypeIds"
        case priorityIDs = "priorityIds"
        case version
    }
}
