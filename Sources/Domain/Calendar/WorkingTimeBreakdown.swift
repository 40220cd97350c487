/// How a calendar counts an interval: the working segments it counted and the holidays that took working
/// time away; the material for "why is this due on Tuesday 10:30?".
public struct WorkingTimeBreakdown: Sendable, Hashable, Codable {
    /// Counted working time, in time order.
    public var segments: [WorkingSegment]
    /// Holidays inside the interval that fell on days with weekly hours, in time order.
    public var holidays: [SkippedHoliday]

    public init(segments: [WorkingSegment] = [], holidays: [SkippedHoliday] = []) {
        self.segments = segments
        self.holidays = holidays
    }

    /// Total counted working seconds.
    public var workingSeconds: Int { segments.reduce(0) { $0 + $1.seconds } }
}
