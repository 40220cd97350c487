/// What `SELECT` tells about a mailbox.
public struct IMAPMailboxStatus: Sendable, Equatable {
    /// How many messages it holds.
    public var exists: Int
    /// Changes when the server renumbered UIDs; UIDs from before a change name other messages.
    public var uidValidity: UInt32?
    /// The UID the next message will get.
    public var uidNext: UInt32?
}
