import Foundation

/// One stretch of a calendar's weekly hours as the engine meets it: `[start, end)` in seconds since 1970,
/// on local day `day` (days since 1970-01-01), and the holiday's name if a holiday removes it.
struct WorkingInterval {
    var day: Int
    var start: Int
    var end: Int
    var holiday: String?
}

/// The arithmetic behind `BusinessCalendar`, prepared once per call: weekly hours normalised to sorted,
/// merged second ranges per weekday, holidays cached per year, time-zone transitions cached as it walks.
///
/// It walks absolute time in pieces of constant UTC offset (split at the zone's transitions). Within a piece,
/// local time is absolute time plus the offset, so a local range `[s, e)` of day `d` is the absolute interval
/// `[d·86400 + s − offset, d·86400 + e − offset)` clipped to the piece: exact on DST days in every zone
/// (a skipped hour is in no piece, a repeated hour is in two), and day by day rather than minute by minute.
final class WorkingTimeEngine {
    static let secondsPerDay = 86_400
    /// An unbounded walk gives up after this many days without any working time (ten years): only a calendar
    /// without weekly hours, or one whose holidays cover every working day, gets there.
    static let barrenDays = 3_660

    enum WalkEnd {
        case reachedEnd
        case stopped
        /// No working time within `barrenDays` days.
        case exhausted
    }

    private let timeZone: TimeZone
    private let week: [[(start: Int, end: Int)]]
    private let rules: [HolidayRule]
    private var holidaysByYear: [Int: [Int: String]] = [:]
    private var cachedTransition: (after: Int, next: Int?)?

    init(_ calendar: BusinessCalendar) {
        timeZone = calendar.timeZone
        week = Self.normalised(calendar.weeklyHours)
        rules = calendar.holidays
    }

    var hasWorkingHours: Bool { week.contains { !$0.isEmpty } }

    /// Calls `body` with every stretch of weekly hours inside `[start, end)` (holiday stretches flagged), in
    /// increasing time order, until `body` returns false. Without `end`, walks until stopped or `exhausted`.
    @discardableResult
    func walk(from start: Int, to end: Int?, _ body: (WorkingInterval) -> Bool) -> WalkEnd {
        guard hasWorkingHours else { return end == nil ? .exhausted : .reachedEnd }
        let barrenSpan = Self.barrenDays * Self.secondsPerDay
        var giveUpAt = start + barrenSpan
        var pieceStart = start
        while true {
            if let end, pieceStart >= end { return .reachedEnd }
            if end == nil, pieceStart >= giveUpAt { return .exhausted }
            let limit = min(end ?? giveUpAt, giveUpAt)
            let offset = self.offset(at: pieceStart)
            let pieceEnd = nextOffsetChange(after: pieceStart, offset: offset, limit: limit)
            let localStart = pieceStart + offset
            let localEnd = pieceEnd + offset
            var day = Self.floorDiv(localStart, Self.secondsPerDay)
            let lastDay = Self.floorDiv(localEnd - 1, Self.secondsPerDay)
            while day <= lastDay {
                let ranges = week[Self.floorMod(day + 3, 7)]
                if !ranges.isEmpty {
                    let holiday = holidayName(onDay: day)
                    let midnight = day * Self.secondsPerDay
                    for range in ranges {
                        let from = max(localStart, midnight + range.start)
                        let to = min(localEnd, midnight + range.end)
                        guard from < to else { continue }
                        let interval = WorkingInterval(day: day, start: from - offset, end: to - offset, holiday: holiday)
                        if holiday == nil { giveUpAt = max(giveUpAt, interval.end + barrenSpan) }
                        if !body(interval) { return .stopped }
                    }
                }
                day += 1
            }
            pieceStart = pieceEnd
        }
    }

    /// Working seconds in `[start, end)`.
    func workingSeconds(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        var total = 0
        walk(from: start, to: end) { interval in
            if interval.holiday == nil { total += interval.end - interval.start }
            return true
        }
        return total
    }

    /// The earliest instant `t >= start` with exactly `amount` working seconds in `[start, t)`, or nil if the
    /// calendar runs out of working time first. For `amount > 0` this is the end of the last counted working
    /// second, so it can be the end of a range but never the start of the next one.
    func instant(addingWorkingSeconds amount: Int, to start: Int) -> Int? {
        guard amount > 0 else { return start }
        var remaining = amount
        var result: Int?
        walk(from: start, to: nil) { interval in
            guard interval.holiday == nil else { return true }
            let length = interval.end - interval.start
            if remaining <= length {
                result = interval.start + remaining
                return false
            }
            remaining -= length
            return true
        }
        return result
    }

    // MARK: Holidays

    private func holidayName(onDay day: Int) -> String? {
        guard !rules.isEmpty, let date = LocalDate(daysSinceEpoch: day) else { return nil }
        if let year = holidaysByYear[date.year] { return year[day] }
        var year: [Int: String] = [:]
        for rule in rules {
            for holiday in rule.dates(in: date.year) {
                let key = holiday.daysSinceEpoch
                year[key] = year[key].map { $0 + " / " + rule.name } ?? rule.name
            }
        }
        holidaysByYear[date.year] = year
        return year[day]
    }

    // MARK: Time zone

    private func offset(at second: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    /// The first second after `start` (at most `limit`) whose UTC offset differs from `offset`.
    private func nextOffsetChange(after start: Int, offset: Int, limit: Int) -> Int {
        let next: Int?
        if let cached = cachedTransition, cached.after <= start, cached.next.map({ $0 > start }) ?? true {
            next = cached.next
        } else {
            next = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(start)))
                .map { max(Self.seconds($0), start + 1) }
            cachedTransition = (start, next)
        }
        var end = min(next ?? limit, limit)
        // Foundation reports DST and standard-offset changes alike; should it ever miss one, find it by bisection.
        if end - start > 1, self.offset(at: end - 1) != offset {
            var same = start
            var changed = end - 1
            while changed - same > 1 {
                let middle = same + (changed - same) / 2
                if self.offset(at: middle) == offset { same = middle } else { changed = middle }
            }
            end = changed
        }
        return end
    }

    // MARK: Helpers

    /// Weekly hours as sorted, merged `[start, end)` second-of-day ranges per weekday index (Monday 0).
    /// Ranges that `validate()` would reject are clamped to the day or dropped, never trusted blindly.
    static func normalised(_ weeklyHours: [Weekday: [MinuteRange]]) -> [[(start: Int, end: Int)]] {
        Weekday.allCases.map { weekday in
            let ranges = (weeklyHours[weekday] ?? [])
                .map { (start: max(0, $0.start) * 60, end: min(1440, $0.end) * 60) }
                .filter { $0.start < $0.end }
                .sorted { $0.start < $1.start }
            var merged: [(start: Int, end: Int)] = []
            for range in ranges {
                if let last = merged.last, range.start <= last.end {
                    merged[merged.count - 1].end = max(last.end, range.end)
                } else {
                    merged.append(range)
                }
            }
            return merged
        }
    }

    /// Whole seconds since 1970, rounded down.
    static func seconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }

    static func date(_ seconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        ((value % divisor) + divisor) % divisor
    }
}
