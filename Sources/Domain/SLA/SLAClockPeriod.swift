import Foundation

/// A stretch of a clock's current cycle during which it ran or was paused, and the working seconds the
/// calendar counted in it (authoritative, even if the calendar changes later). `end` is nil while it lasts.
public struct SLAClockPeriod: Sendable, Hashable, Codable {
    /// Whether the clock counted (`running`) or recorded paused time (`paused`).
    public enum Mode: String, Sendable, Codable {
        case running
        case paused
    }

    public var mode: Mode
    public var start: Date
    public var end: Date?
    /// Working seconds from `start` up to `end`, or up to the clock's last event while open.
    public var workingSeconds: Int

    public init(mode: Mode, start: Date, end: Date? = nil, workingSeconds: Int = 0) {
        self.mode = mode
        self.start = start
        self.end = end
        self.workingSeconds = workingSeconds
    }
}
