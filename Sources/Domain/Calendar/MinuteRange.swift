import Foundation

/// Working time within one day, in minutes after local midnight: `[start, end)`, so 07:30–12:00 is
/// `MinuteRange(start: 450, end: 720)` and a range up to midnight ends at 1440.
///
/// A range never crosses midnight. A night shift 22:00–06:00 is written as two ranges, 22:00–24:00 on the
/// first day and 00:00–06:00 on the next; each part belongs to its own day (a holiday on the second day
/// removes only the part after midnight). `BusinessCalendar.validate()` rejects `end <= start`.
public struct MinuteRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// First working minute of the day, 0…1439.
    public var start: Int
    /// The minute after the last working minute, 1…1440.
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// From `startHour:startMinute` to `endHour:endMinute`; `endHour` 24 means midnight at the end of the day.
    public init(_ startHour: Int, _ startMinute: Int, to endHour: Int, _ endMinute: Int) {
        self.init(start: startHour * 60 + startMinute, end: endHour * 60 + endMinute)
    }

    /// Parses `HH:MM-HH:MM` (also with an en dash), for example `07:30-12:00` or `22:00-24:00`.
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = Self.minute(parts[0]), let end = Self.minute(parts[1]) else { return nil }
        self.init(start: start, end: end)
    }

    /// Length in minutes (0 or negative for an inverted range).
    public var minutes: Int { end - start }

    /// Whether the range lies within 00:00–24:00 and is not empty or inverted.
    public var isWellFormed: Bool { start >= 0 && end <= 1440 && start < end }

    /// Whether the two ranges share at least one minute.
    public func overlaps(_ other: MinuteRange) -> Bool { start < other.end && other.start < end }

    /// `07:30–12:00`.
    public var description: String { Self.clock(start) + "–" + Self.clock(end) }

    public static func < (lhs: MinuteRange, rhs: MinuteRange) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    /// `HH:MM` for a minute of the day (1440 is `24:00`).
    static func clock(_ minute: Int) -> String {
        GregorianDate.padded(minute / 60, width: 2) + ":" + GregorianDate.padded(minute % 60, width: 2)
    }

    private static func minute(_ text: String) -> Int? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
              let hour = GregorianDate.decimal(pieces[0].utf8), let minute = GregorianDate.decimal(pieces[1].utf8),
              minute < 60, hour * 60 + minute <= 1440
        else { return nil }
        return hour * 60 + minute
    }
}
