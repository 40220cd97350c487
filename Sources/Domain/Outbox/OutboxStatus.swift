/// Where a message in the mail outbox stands.
///
/// `queued` → `sending` (leased by one node) → `sent`; a transient failure returns it to `queued` with a later
/// attempt time; a permanent one (or too many attempts) ends in `failed`. `unconfirmed` is the one uncertain
/// end: the node that sent the message's final line died (or lost the connection) before the server's answer
/// was recorded, so the message may or may not have been accepted — it is not sent again (see docs/mail.md).
public enum OutboxStatus: String, Sendable, Codable, CaseIterable {
    case queued
    case sending
    case sent
    case failed
    case unconfirmed

    /// True for the states no delivery attempt leaves.
    public var isFinal: Bool { self == .sent || self == .failed || self == .unconfirmed }
}
