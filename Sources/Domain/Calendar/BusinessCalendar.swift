import Foundation

/// When the clock of an SLA runs: weekly working hours in a time zone, minus holidays.
///
/// An instant is *working time* when its local wall-clock time in `timeZoneID` falls into one of the
/// `weeklyHours` ranges of its local weekday and its local date is not a holiday. That one rule also settles
/// daylight-saving days: on the spring-forward day the skipped hour does not exist and so never counts (a
/// range 00:00–24:00 holds 23 hours that day); on the fall-back day the repeated hour happens twice and counts
/// twice (25 hours). A range never crosses midnight; a night shift is two ranges (see `MinuteRange`).
///
/// Arithmetic (`workingSeconds(from:to:)`, `date(addingWorkingMinutes:to:)`, `segments(from:to:)`, …) is
/// exact to the second: instants are truncated to whole seconds. The value is plain data (stored as JSON,
/// sent by the API); see `validate()` for the rules a stored calendar must keep.
public struct BusinessCalendar: Sendable, Codable, Equatable {
    /// Display name, e.g. `Sachsen (Verwaltung)`.
    public var name: String
    /// IANA time zone, e.g. `Europe/Berlin`. An unknown identifier (which `validate()` rejects) is treated as UTC.
    public var timeZoneID: String
    /// Working-time ranges per weekday; a missing or empty entry is a day off. Ranges may come in any
    /// order and may touch (12:00–12:30 and 12:30–16:00) but not overlap.
    public var weeklyHours: [Weekday: [MinuteRange]]
    /// Days without working time.
    public var holidays: [HolidayRule]

    public init(name: String, timeZoneID: String, weeklyHours: [Weekday: [MinuteRange]], holidays: [HolidayRule] = []) {
        self.name = name
        self.timeZoneID = timeZoneID
        self.weeklyHours = weeklyHours
        self.holidays = holidays
    }

    /// The time zone; UTC if `timeZoneID` is unknown.
    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneID) ?? TimeZone(identifier: "UTC")!
    }

    /// Working minutes per week, ignoring holidays.
    public var weeklyMinutes: Int {
        WorkingTimeEngine.normalised(weeklyHours).reduce(0) { total, day in
            total + day.reduce(0) { $0 + ($1.end - $1.start) } / 60
        }
    }

    /// The holidays that fall in `year`, sorted by date (several rules may name the same date).
    public func holidays(in year: Int) -> [Holiday] {
        holidays.flatMap { rule in rule.dates(in: year).map { Holiday(date: $0, name: rule.name) } }
            .sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    /// The holiday on `date`, if any; names of several rules for the same date are joined with ` / `.
    public func holiday(on date: LocalDate) -> Holiday? {
        let names = holidays.filter { $0.dates(in: date.year).contains(date) }.map(\.name)
        return names.isEmpty ? nil : Holiday(date: date, name: names.joined(separator: " / "))
    }

    /// The local date of `instant` in this calendar's time zone.
    public func localDate(of instant: Date) -> LocalDate {
        let seconds = WorkingTimeEngine.seconds(instant)
        let local = seconds + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return LocalDate(daysSinceEpoch: WorkingTimeEngine.floorDiv(local, 86_400))
            ?? LocalDate(year: 1970, month: 1, day: 1)!
    }
}
