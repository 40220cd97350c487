import Domain
import Foundation
import Testing

@Suite struct CalendarValidationTests {
    private func calendar(
        _ hours: [Weekday: [MinuteRange]], zone: String = "Europe/Berlin", holidays: [HolidayRule] = [], name: String = "Test"
    ) -> BusinessCalendar {
        BusinessCalendar(name: name, timeZoneID: zone, weeklyHours: hours, holidays: holidays)
    }

    private let office: [Weekday: [MinuteRange]] = [.monday: [MinuteRange(8, 0, to: 16, 0)]]

    @Test func shippedCalendarsAreValid() {
        #expect(BusinessCalendar.saxony.validate() == [])
        #expect(BusinessCalendar.allDay.validate() == [])
        #expect(BusinessCalendar.allDay(timeZoneID: "UTC").validate() == [])
    }

    @Test func touchingRangesAreFine() {
        let hours: [Weekday: [MinuteRange]] = [.monday: [MinuteRange(12, 30, to: 16, 0), MinuteRange(7, 30, to: 12, 30)]]
        #expect(calendar(hours).validate() == [])
    }

    @Test func overlappingRanges() {
        let hours: [Weekday: [MinuteRange]] = [.tuesday: [MinuteRange(8, 0, to: 12, 0), MinuteRange(11, 0, to: 13, 0)]]
        #expect(calendar(hours).validate() == [
            FieldIssue(field: "weeklyHours.tuesday", .overlap, detail: "The ranges 08:00–12:00 and 11:00–13:00 on tuesday overlap."),
        ])
    }

    @Test func rangeAcrossMidnightMustBeSplit() {
        let issues = calendar([.friday: [MinuteRange(22, 0, to: 6, 0)]]).validate()
        #expect(issues.map(\.field) == ["weeklyHours.friday[0]", "weeklyHours"])
        #expect(issues.first?.message.contains("across midnight") == true)
        #expect(issues.first?.code == .endBeforeStart)
    }

    @Test func rangesOutsideTheDayOrEmpty() {
        let hours: [Weekday: [MinuteRange]] = [
            .monday: [MinuteRange(start: -10, end: 60), MinuteRange(start: 600, end: 1500), MinuteRange(start: 700, end: 700)],
            .sunday: [MinuteRange(start: 0, end: 1440)],
        ]
        #expect(calendar(hours).validate().map(\.field) == [
            "weeklyHours.monday[0]", "weeklyHours.monday[1]", "weeklyHours.monday[2]",
        ])
    }

    @Test func emptyWeek() {
        #expect(calendar([:]).validate() == [
            FieldIssue(field: "weeklyHours", .required),
        ])
        #expect(calendar([.monday: []]).validate().map(\.field) == ["weeklyHours"])
    }

    @Test(arguments: ["Europe/Dresden", "", "GMT+2", "UTC-05:00", "Mars/Olympus"])
    func badTimeZones(zone: String) {
        #expect(calendar(office, zone: zone).validate().map(\.field) == ["timeZoneID"])
    }

    @Test(arguments: ["Europe/Berlin", "UTC", "America/St_Johns", "Asia/Kolkata"])
    func goodTimeZones(zone: String) {
        #expect(calendar(office, zone: zone).validate() == [])
    }

    @Test func holidayProblems() {
        let holidays: [HolidayRule] = [
            .tagDerArbeit,
            HolidayRule(name: "Maifeiertag", kind: .fixed(month: 5, day: 1)),
            HolidayRule(name: "Unmöglich", kind: .fixed(month: 2, day: 30)),
            HolidayRule(name: " ", kind: .easter(offset: 3)),
            HolidayRule(name: "Weit weg", kind: .easter(offset: 120)),
            .bussUndBettag, .bussUndBettag,
            HolidayRule(name: "Schalttag", kind: .fixed(month: 2, day: 29)),
        ]
        #expect(calendar(office, holidays: holidays).validate() == [
            FieldIssue(field: "holidays[1]", .duplicate),
            FieldIssue(field: "holidays[2]", .invalidDate(example: "12-24"), detail: "Month 2, day 30 is not a date."),
            FieldIssue(field: "holidays[3].name", .required),
            FieldIssue(field: "holidays[4]", .outOfRange(min: "−100", max: "100"), detail: "An Easter offset must lie between −100 and 100 days."),
            FieldIssue(field: "holidays[6]", .duplicate),
        ])
    }

    @Test func nameIsRequired() {
        #expect(calendar(office, name: "  ").validate().map(\.field) == ["name"])
    }

    @Test func minuteRangeText() {
        #expect(MinuteRange("07:30-12:00") == MinuteRange(7, 30, to: 12, 0))
        #expect(MinuteRange("22:00 – 24:00") == MinuteRange(start: 1320, end: 1440))
        #expect(MinuteRange("7:30-12:00") == nil)
        #expect(MinuteRange("24:01-24:30") == nil)
        #expect(MinuteRange("12:60-13:00") == nil)
        #expect(MinuteRange(7, 30, to: 12, 0).description == "07:30–12:00")
        #expect(MinuteRange(22, 0, to: 24, 0).description == "22:00–24:00")
    }

    @Test func calendarEncodesWeekdaysAsKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let small = calendar([.monday: [MinuteRange(7, 30, to: 12, 0)]], holidays: [.neujahr])
        let json = String(decoding: try encoder.encode(small), as: UTF8.self)
        #expect(json == #"{"holidays":[{"day":1,"kind":"fixed","month":1,"name":"Neujahr"}],"name":"Test","#
            + #""timeZoneID":"Europe/Berlin","weeklyHours":{"monday":[{"end":720,"start":450}]}}"#)
        let saxony = try JSONDecoder().decode(BusinessCalendar.self, from: try encoder.encode(BusinessCalendar.saxony))
        #expect(saxony == .saxony)
    }
}
