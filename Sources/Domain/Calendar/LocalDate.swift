/// A day on a wall calendar (`2025-11-19`), without time or time zone: the date a holiday falls on, or the
/// day a stretch of working time belongs to in a `BusinessCalendar`'s zone.
///
/// Proleptic Gregorian, years 1 to 9999. Encodes as the string `YYYY-MM-DD`.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date, or nil if it does not exist (30 February, 29 February outside leap years, years outside 1–9999).
    public init?(year: Int, month: Int, day: Int) {
        guard GregorianDate(year: year, month: month, day: day) != nil else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ isoText: String) {
        guard let date = GregorianDate(isoText: isoText) else { return nil }
        self.init(date)
    }

    /// The date `days` days after 1970-01-01 (negative: before), if it lies in the years 1 to 9999.
    public init?(daysSinceEpoch days: Int) {
        guard let date = GregorianDate(daysSinceEpoch: days) else { return nil }
        self.init(date)
    }

    init(_ date: GregorianDate) {
        year = date.year
        month = date.month
        day = date.day
    }

    /// Days from 1970-01-01 to this date.
    public var daysSinceEpoch: Int {
        // Always valid: every stored LocalDate passed GregorianDate's checks.
        Self.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The day of the week.
    public var weekday: Weekday { Weekday(daysSinceEpoch: daysSinceEpoch) }

    /// The date `days` days later (earlier if negative), or nil outside the years 1 to 9999.
    public func adding(days: Int) -> LocalDate? {
        LocalDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        GregorianDate.padded(year, width: 4) + "-" + GregorianDate.padded(month, width: 2) + "-"
            + GregorianDate.padded(day, width: 2)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a date YYYY-MM-DD, got \(text)."
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Howard Hinnant's days_from_civil for any year/month/day (no validity check).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
