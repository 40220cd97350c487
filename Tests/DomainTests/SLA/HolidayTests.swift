import Domain
import Foundation
import Testing

@Suite struct HolidayTests {
    @Test(arguments: [
        (1818, "1818-03-22"), (1943, "1943-04-25"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
        (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2038, "2038-04-25"), (2285, "2285-03-22"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(Easter.sunday(in: year) == SLATest.day(expected))
    }

    @Test(arguments: [
        (2022, "2022-11-16"), // 23 November is a Wednesday: the Wednesday a week before
        (2023, "2023-11-22"), // 23 November is a Thursday: the day before
        (2024, "2024-11-20"), (2025, "2025-11-19"), (2026, "2026-11-18"), (2027, "2027-11-17"),
    ])
    func bussUndBettag(year: Int, expected: String) {
        let dates = HolidayRule.bussUndBettag.dates(in: year)
        #expect(dates == [SLATest.day(expected)])
        #expect(dates.first?.weekday == .wednesday)
    }

    @Test func saxonHolidays2025() {
        let holidays = SLATest.saxony.holidays(in: 2025).map { "\($0.date) \($0.name)" }
        #expect(holidays == [
            "2025-01-01 Neujahr", "2025-04-18 Karfreitag", "2025-04-21 Ostermontag", "2025-05-01 Tag der Arbeit",
            "2025-05-29 Christi Himmelfahrt", "2025-06-09 Pfingstmontag", "2025-10-03 Tag der Deutschen Einheit",
            "2025-10-31 Reformationstag", "2025-11-19 Buß- und Bettag", "2025-12-25 1. Weihnachtstag",
            "2025-12-26 2. Weihnachtstag",
        ])
    }

    @Test func saxonMovableHolidays2026() {
        let byName = Dictionary(uniqueKeysWithValues: SLATest.saxony.holidays(in: 2026).map { ($0.name, "\($0.date)") })
        #expect(byName["Karfreitag"] == "2026-04-03")
        #expect(byName["Ostermontag"] == "2026-04-06")
        #expect(byName["Christi Himmelfahrt"] == "2026-05-14")
        #expect(byName["Pfingstmontag"] == "2026-05-25")
        #expect(byName["Buß- und Bettag"] == "2026-11-18")
        #expect(byName["Fronleichnam"] == nil)
        #expect(HolidayRule.fronleichnam.dates(in: 2026) == [SLATest.day("2026-06-04")])
    }

    @Test func fixedOneOffAndLeapDays() {
        let leap = HolidayRule(name: "Schalttag", kind: .fixed(month: 2, day: 29))
        #expect(leap.dates(in: 2024) == [SLATest.day("2024-02-29")])
        #expect(leap.dates(in: 2025) == [])
        let bridge = HolidayRule(name: "Brückentag", kind: .oneOff(SLATest.day("2025-05-02")))
        #expect(bridge.dates(in: 2025) == [SLATest.day("2025-05-02")])
        #expect(bridge.dates(in: 2026) == [])
    }

    @Test func easterOffsetsReachIntoTheYearBefore() {
        // Easter 2032 is 28 March; 94 days before is 25 December 2031. Easter 2031 (13 April) − 94 is 9 January.
        let rule = HolidayRule(name: "Früh", kind: .easter(offset: -94))
        #expect(rule.dates(in: 2031) == [SLATest.day("2031-01-09"), SLATest.day("2031-12-25")])
        // …and 2032 has none: Easter 2033 (17 April) − 94 is 13 January 2033.
        #expect(rule.dates(in: 2032) == [])
        #expect(rule.dates(in: 2033) == [SLATest.day("2033-01-13")])
        let calendar = BusinessCalendar(
            name: "T", timeZoneID: "UTC", weeklyHours: [.thursday: [MinuteRange(0, 0, to: 24, 0)]], holidays: [rule]
        )
        #expect(calendar.workingMinutes(from: SLATest.at("2031-12-25T00:00Z"), to: SLATest.at("2031-12-26T00:00Z")) == 0)
        #expect(calendar.holiday(on: SLATest.day("2031-12-25"))?.name == "Früh")
    }

    @Test func holidayLookupJoinsNamesOfTheSameDate() {
        var calendar = SLATest.saxony
        calendar.holidays.append(HolidayRule(name: "Betriebsausflug", kind: .oneOff(SLATest.day("2025-12-25"))))
        #expect(calendar.holiday(on: SLATest.day("2025-12-25"))?.name == "1. Weihnachtstag / Betriebsausflug")
        #expect(calendar.holiday(on: SLATest.day("2025-12-24")) == nil)
    }

    @Test func rulesEncodeFlat() throws {
        let rules: [HolidayRule] = [
            .tagDerArbeit, HolidayRule(name: "Brückentag", kind: .oneOff(SLATest.day("2025-05-02"))), .karfreitag,
            .bussUndBettag,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(rules), as: UTF8.self)
        #expect(json == #"[{"day":1,"kind":"fixed","month":5,"name":"Tag der Arbeit"},"#
            + #"{"date":"2025-05-02","kind":"oneOff","name":"Brückentag"},"#
            + #"{"kind":"easter","name":"Karfreitag","offset":-2},"#
            + #"{"kind":"bussUndBettag","name":"Buß- und Bettag"}]"#)
        #expect(try JSONDecoder().decode([HolidayRule].self, from: Data(json.utf8)) == rules)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HolidayRule.self, from: Data(#"{"name":"x","kind":"lunar"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HolidayRule.self, from: Data(#"{"name":"x","kind":"oneOff","date":"2025-02-30"}"#.utf8))
        }
    }
}
