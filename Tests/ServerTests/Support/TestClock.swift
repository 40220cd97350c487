import Foundation
import Synchronization
import Testing

/// A clock a test sets and moves; `TestSystem.run(_:clock:_:)` makes it the system's "now".
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    /// A clock at an RFC 3339 instant such as `2026-11-27T14:00:00Z`.
    convenience init(_ instant: String) throws {
        self.init(try #require(ISO8601DateFormatter().date(from: instant)))
    }

    var now: Date { current.withLock { $0 } }

    /// Moves the clock to an RFC 3339 instant.
    func set(_ instant: String) throws {
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        current.withLock { $0 = date }
    }
}
