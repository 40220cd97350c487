import Foundation

/// Working-time arithmetic. All instants are truncated to whole seconds; intervals are half-open `[from, to)`.
extension BusinessCalendar {
    /// Working seconds in `[from, to)`; 0 if `to <= from`.
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        WorkingTimeEngine(self).workingSeconds(from: WorkingTimeEngine.seconds(start), to: WorkingTimeEngine.seconds(end))
    }

    /// Whole working minutes in `[from, to)`, rounded down; 0 if `to <= from`.
    public func workingMinutes(from start: Date, to end: Date) -> Int {
        workingSeconds(from: start, to: end) / 60
    }

    /// The earliest instant with exactly `seconds` working seconds between `start` and it.
    ///
    /// For `seconds > 0` the result lies in working time or at its end: when the time runs out exactly at the
    /// end of a range, the result is that end (16:00), not the start of the next range (07:30 the next
    /// working day). For `seconds <= 0` it is `start`. Nil if the calendar has no working time for ten years
    /// (no weekly hours, or holidays on every working day).
    public func date(addingWorkingSeconds seconds: Int, to start: Date) -> Date? {
        WorkingTimeEngine(self).instant(addingWorkingSeconds: seconds, to: WorkingTimeEngine.seconds(start))
            .map(WorkingTimeEngine.date)
    }

    /// `date(addingWorkingSeconds: minutes × 60, to: start)`.
    public func date(addingWorkingMinutes minutes: Int, to start: Date) -> Date? {
        let (seconds, overflow) = minutes.multipliedReportingOverflow(by: 60)
        return overflow ? nil : date(addingWorkingSeconds: seconds, to: start)
    }

    /// `instant` if it is working time, else the start of the next working time; nil if there is none for
    /// ten years.
    public func nextWorkingInstant(atOrAfter instant: Date) -> Date? {
        var result: Int?
        WorkingTimeEngine(self).walk(from: WorkingTimeEngine.seconds(instant), to: nil) { interval in
            guard interval.holiday == nil else { return true }
            result = interval.start
            return false
        }
        return result.map(WorkingTimeEngine.date)
    }

    /// Whether the second starting at `instant` is working time.
    public func isWorkingTime(_ instant: Date) -> Bool {
        let second = WorkingTimeEngine.seconds(instant)
        return WorkingTimeEngine(self).workingSeconds(from: second, to: second + 1) == 1
    }

    /// The working segments in `[from, to)` and the holidays that removed working time from it.
    public func segments(from start: Date, to end: Date) -> WorkingTimeBreakdown {
        var breakdown = WorkingTimeBreakdown()
        let from = WorkingTimeEngine.seconds(start)
        let to = WorkingTimeEngine.seconds(end)
        guard from < to else { return breakdown }
        WorkingTimeEngine(self).walk(from: from, to: to) { interval in
            let date = LocalDate(daysSinceEpoch: interval.day) ?? LocalDate(year: 1970, month: 1, day: 1)!
            let seconds = interval.end - interval.start
            if let name = interval.holiday {
                if let last = breakdown.holidays.last, last.date == date, last.name == name {
                    breakdown.holidays[breakdown.holidays.count - 1].skippedSeconds += seconds
                } else {
                    breakdown.holidays.append(SkippedHoliday(date: date, name: name, skippedSeconds: seconds))
                }
            } else if let last = breakdown.segments.last, last.date == date,
                      WorkingTimeEngine.seconds(last.end) == interval.start {
                breakdown.segments[breakdown.segments.count - 1].end = WorkingTimeEngine.date(interval.end)
                breakdown.segments[breakdown.segments.count - 1].seconds += seconds
            } else {
                breakdown.segments.append(WorkingSegment(
                    date: date, start: WorkingTimeEngine.date(interval.start), end: WorkingTimeEngine.date(interval.end),
                    seconds: seconds
                ))
            }
            return true
        }
        return breakdown
    }
}
