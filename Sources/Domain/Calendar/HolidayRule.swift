/// One holiday of a `BusinessCalendar`: a name and the rule that places it in a year.
///
/// On a holiday the calendar has no working time at all, whatever its weekly hours say. Encodes flat:
/// `{"name": "Tag der Arbeit", "kind": "fixed", "month": 5, "day": 1}`,
/// `{"name": "Brückentag", "kind": "oneOff", "date": "2025-05-02"}`,
/// `{"name": "Karfreitag", "kind": "easter", "offset": -2}`, `{"name": "Buß- und Bettag", "kind": "bussUndBettag"}`.
public struct HolidayRule: Sendable, Hashable, Codable {
    /// How the holiday's date is found.
    public enum Kind: Sendable, Hashable {
        /// The same day every year (1 May). 29 February falls only in leap years.
        case fixed(month: Int, day: Int)
        /// One date only (a bridge day, a local event).
        case oneOff(LocalDate)
        /// `offset` days after Easter Sunday (negative: before): Good Friday −2, Easter Monday +1,
        /// Ascension +39, Whit Monday +50, Corpus Christi +60.
        case easter(offset: Int)
        /// Buß- und Bettag: the last Wednesday before 23 November (16–22 November).
        case bussUndBettag
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The holiday's dates in `year`: usually one; none for a one-off date in another year or 29 February
    /// outside leap years; two for an Easter offset so far before Easter that it reaches the December before
    /// (−94 gives 25 December 2031 from Easter 2032 and 9 January 2031 from Easter 2031).
    public func dates(in year: Int) -> [LocalDate] {
        guard (1...9999).contains(year) else { return [] }
        switch kind {
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: day).map { [$0] } ?? []
        case .oneOff(let date):
            return date.year == year ? [date] : []
        case .easter(let offset):
            return [year - 1, year, year + 1].compactMap { easterYear in
                guard (1...9999).contains(easterYear),
                      let date = Easter.sunday(in: easterYear).adding(days: offset), date.year == year
                else { return nil }
                return date
            }
        case .bussUndBettag:
            let november23 = LocalDate.daysSinceEpoch(year: year, month: 11, day: 23)
            let daysAfterWednesday = (Weekday(daysSinceEpoch: november23).index - Weekday.wednesday.index + 7) % 7
            let wednesday = november23 - (daysAfterWednesday == 0 ? 7 : daysAfterWednesday)
            return LocalDate(daysSinceEpoch: wednesday).map { [$0] } ?? []
        }
    }

    // MARK: Codable

    private enum CodingKeys: String, CodingKey {
        case name, kind, month, day, date, offset
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "fixed":
            self.kind = .fixed(
                month: try container.decode(Int.self, forKey: .month), day: try container.decode(Int.self, forKey: .day)
            )
        case "oneOff":
            self.kind = .oneOff(try container.decode(LocalDate.self, forKey: .date))
        case "easter":
            self.kind = .easter(offset: try container.decode(Int.self, forKey: .offset))
        case "bussUndBettag":
            self.kind = .bussUndBettag
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "Unknown holiday kind \(kind); expected fixed, oneOff, easter or bussUndBettag."
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        switch kind {
        case .fixed(let month, let day):
            try container.encode("fixed", forKey: .kind)
            try container.encode(month, forKey: .month)
            try container.encode(day, forKey: .day)
        case .oneOff(let date):
            try container.encode("oneOff", forKey: .kind)
            try container.encode(date, forKey: .date)
        case .easter(let offset):
            try container.encode("easter", forKey: .kind)
            try container.encode(offset, forKey: .offset)
        case .bussUndBettag:
            try container.encode("bussUndBettag", forKey: .kind)
        }
    }
}

extension HolidayRule {
    /// Neujahr, 1 January.
    public static let neujahr = HolidayRule(name: "Neujahr", kind: .fixed(month: 1, day: 1))
    /// Karfreitag (Good Friday), Easter − 2.
    public static let karfreitag = HolidayRule(name: "Karfreitag", kind: .easter(offset: -2))
    /// Ostermontag (Easter Monday), Easter + 1.
    public static let ostermontag = HolidayRule(name: "Ostermontag", kind: .easter(offset: 1))
    /// Tag der Arbeit, 1 May.
    public static let tagDerArbeit = HolidayRule(name: "Tag der Arbeit", kind: .fixed(month: 5, day: 1))
    /// Christi Himmelfahrt (Ascension), Easter + 39.
    public static let christiHimmelfahrt = HolidayRule(name: "Christi Himmelfahrt", kind: .easter(offset: 39))
    /// Pfingstmontag (Whit Monday), Easter + 50.
    public static let pfingstmontag = HolidayRule(name: "Pfingstmontag", kind: .easter(offset: 50))
    /// Fronleichnam (Corpus Christi), Easter + 60. In Saxony a holiday only in some municipalities.
    public static let fronleichnam = HolidayRule(name: "Fronleichnam", kind: .easter(offset: 60))
    /// Tag der Deutschen Einheit, 3 October.
    public static let tagDerDeutschenEinheit = HolidayRule(
        name: "Tag der Deutschen Einheit", kind: .fixed(month: 10, day: 3)
    )
    /// Reformationstag, 31 October.
    public static let reformationstag = HolidayRule(name: "Reformationstag", kind: .fixed(month: 10, day: 31))
    /// Buß- und Bettag, the Wednesday before 23 November (Saxony only).
    public static let bussUndBettag = HolidayRule(name: "Buß- und Bettag", kind: .bussUndBettag)
    /// 1. Weihnachtstag, 25 December.
    public static let ersterWeihnachtstag = HolidayRule(name: "1. Weihnachtstag", kind: .fixed(month: 12, day: 25))
    /// 2. Weihnachtstag, 26 December.
    public static let zweiterWeihnachtstag = HolidayRule(name: "2. Weihnachtstag", kind: .fixed(month: 12, day: 26))
}
