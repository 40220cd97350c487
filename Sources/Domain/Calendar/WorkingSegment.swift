import Foundation

/// A stretch of counted working time: `[start, end)` on one local date of the calendar.
///
/// Working time that runs on without a gap on one date is one segment; 07:30–12:00 and 12:30–16:00 are
/// two, and time after midnight starts a new segment on the next date.
public struct WorkingSegment: Sendable, Hashable, Codable {
    /// The local date the working time belongs to.
    public var date: LocalDate
    public var start: Date
    public var end: Date
    /// `end − start` in seconds.
    public var seconds: Int

    public init(date: LocalDate, start: Date, end: Date, seconds: Int) {
        self.date = date
        self.start = start
        self.end = end
        self.seconds = seconds
    }
}
