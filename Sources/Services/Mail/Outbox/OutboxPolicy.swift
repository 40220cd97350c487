import Foundation

/// How the outbox retries: the lease a sending node holds, the backoff between attempts and when to give up.
public struct OutboxPolicy: Sendable, Equatable {
    /// How long a node owns a message it is sending. Must exceed the SMTP client's longest wait (connect, every
    /// command, the end of data); a node that dies leaves its messages to others after this time.
    public var lease: TimeInterval
    /// The wait after the first failed attempt; it doubles with each further failure, up to `maximumBackoff`.
    public var firstBackoff: TimeInterval
    public var maximumBackoff: TimeInterval
    /// Attempts after which a message that still fails transiently is given up as `failed`.
    public var maximumAttempts: Int

    public init(lease: TimeInterval = 20 * 60, firstBackoff: TimeInterval = 60, maximumBackoff: TimeInterval = 3600, maximumAttempts: Int = 12) {
        self.lease = lease
        self.firstBackoff = firstBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumAttempts = maximumAttempts
    }

    /// The wait before the next attempt after `attempts` failed ones (1 → `firstBackoff`).
    public func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(firstBackoff * pow(2, Double(max(0, min(attempts - 1, 30)))), maximumBackoff)
    }
}
