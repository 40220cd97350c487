/// What a ticket state means to the system, independent of its display name.
public enum StateType: String, Sendable, Codable, CaseIterable {
    case new
    case open
    case pendingReminder
    case pendingAutoClose
    case closed
    case merged
    case removed

    /// Whether a ticket in a state of this type counts as finished.
    public var isClosed: Bool { self == .closed || self == .merged || self == .removed }

    /// Whether a state of this type requires a pending-until time.
    public var isPending: Bool { self == .pendingReminder || self == .pendingAutoClose }
}
