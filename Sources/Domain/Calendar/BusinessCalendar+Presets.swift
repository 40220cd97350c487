extension BusinessCalendar {
    /// The public holidays of the Free State of Saxony (SächsSFG §1): Neujahr, Karfreitag, Ostermontag,
    /// Tag der Arbeit, Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, Reformationstag,
    /// Buß- und Bettag, 1. and 2. Weihnachtstag.
    ///
    /// Fronleichnam is not included: in Saxony it is a public holiday only in some Catholic municipalities of
    /// the Sorbian settlement area (Landkreis Bautzen); calendars for those sites add `HolidayRule.fronleichnam`.
    /// Ostersonntag and Pfingstsonntag are Sundays without working hours and need no rule. Heiligabend and
    /// Silvester are not public holidays; an administration that closes on them adds fixed rules.
    public static let saxonHolidays: [HolidayRule] = [
        .neujahr, .karfreitag, .ostermontag, .tagDerArbeit, .christiHimmelfahrt, .pfingstmontag,
        .tagDerDeutschenEinheit, .reformationstag, .bussUndBettag, .ersterWeihnachtstag, .zweiterWeihnachtstag,
    ]

    /// A Saxon municipal administration's service hours: Monday to Friday 07:30–12:00 and 12:30–16:00
    /// (8 working hours a day, 40 a week, with a half-hour lunch break during which no SLA time runs),
    /// in `Europe/Berlin`, with all Saxon public holidays (`saxonHolidays`).
    public static let saxony = BusinessCalendar(
        name: "Sachsen (Verwaltung)",
        timeZoneID: "Europe/Berlin",
        weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.workdays.map {
            ($0, [MinuteRange(7, 30, to: 12, 0), MinuteRange(12, 30, to: 16, 0)])
        }),
        holidays: saxonHolidays
    )

    /// Around the clock, every day, no holidays, in `Europe/Berlin` (the zone only decides how working
    /// segments are split into days in explanations).
    public static let allDay = allDay(timeZoneID: "Europe/Berlin")

    /// Around the clock, every day, no holidays, in the given zone.
    public static func allDay(timeZoneID: String) -> BusinessCalendar {
        BusinessCalendar(
            name: "24×7",
            timeZoneID: timeZoneID,
            weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [MinuteRange(start: 0, end: 1440)]) })
        )
    }
}
