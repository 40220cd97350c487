import Domain
import Foundation
import Testing

/// Working time on the days Europe/Berlin switches between CET (+01:00) and CEST (+02:00): 2025-03-30, when
/// 02:00 becomes 03:00, and 2025-10-26, when 03:00 becomes 02:00 again (both Sundays).
@Suite struct DaylightSavingTests {
    private func minutes(_ calendar: BusinessCalendar, _ from: String, _ to: String) -> Int {
        calendar.workingMinutes(from: SLATest.at(from), to: SLATest.at(to))
    }

    private func due(_ calendar: BusinessCalendar, _ start: String, plus minutes: Int) -> String {
        SLATest.text(calendar.date(addingWorkingMinutes: minutes, to: SLATest.at(start)))
    }

    @Test func weekdayCalendarIsNotShiftedByTheSwitch() {
        // Fri 15:00–16:00 CET, Mon 07:30–08:30 CEST: 120 minutes, not 60 or 180.
        #expect(due(.saxony, "2025-03-28T15:00+01:00", plus: 120) == "2025-03-31T08:30:00+02:00")
        #expect(minutes(.saxony, "2025-03-28T15:00+01:00", "2025-03-31T08:30+02:00") == 120)
        #expect(due(.saxony, "2025-10-24T15:00+02:00", plus: 120) == "2025-10-27T08:30:00+01:00")
        #expect(minutes(.saxony, "2025-10-24T15:00+02:00", "2025-10-27T08:30+01:00") == 120)
    }

    @Test func aroundTheClockCountsRealTime() {
        let allDay = BusinessCalendar.allDay
        #expect(minutes(allDay, "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00") == 23 * 60)
        #expect(minutes(allDay, "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00") == 25 * 60)
        // 24 hours after Saturday noon the wall clock shows 13:00.
        #expect(due(allDay, "2025-03-29T12:00+01:00", plus: 1440) == "2025-03-30T13:00:00+02:00")
        #expect(due(allDay, "2025-10-25T12:00+02:00", plus: 1440) == "2025-10-26T11:00:00+01:00")
        let spring = allDay.segments(from: SLATest.at("2025-03-30T00:00+01:00"), to: SLATest.at("2025-03-31T00:00+02:00"))
        #expect(spring.segments.map { "\($0.date) \($0.seconds)" } == ["2025-03-30 82800"])
    }

    /// Sundays 01:00–04:00 (local wall-clock time) — a range that contains the switch hour.
    private let sundayNight = BusinessCalendar(
        name: "Sonntagsdienst", timeZoneID: "Europe/Berlin", weeklyHours: [.sunday: [MinuteRange(1, 0, to: 4, 0)]]
    )

    @Test func springForwardSkipsTheMissingHour() {
        // 01:00–02:00 CET and 03:00–04:00 CEST exist; 02:00–03:00 does not.
        #expect(minutes(sundayNight, "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00") == 120)
        #expect(due(sundayNight, "2025-03-30T01:00+01:00", plus: 60) == "2025-03-30T03:00:00+02:00")
        #expect(due(sundayNight, "2025-03-30T01:00+01:00", plus: 90) == "2025-03-30T03:30:00+02:00")
        #expect(due(sundayNight, "2025-03-30T01:00+01:00", plus: 121) == "2025-04-06T01:01:00+02:00")
        let segments = sundayNight.segments(from: SLATest.at("2025-03-30T00:00+01:00"), to: SLATest.at("2025-03-31T00:00+02:00"))
        // Continuous in real time, so one segment: 00:00Z–02:00Z.
        #expect(segments.segments.map { "\(SLATest.text($0.start)) \(SLATest.text($0.end)) \($0.seconds)" } == [
            "2025-03-30T01:00:00+01:00 2025-03-30T04:00:00+02:00 7200",
        ])
    }

    @Test func fallBackCountsTheRepeatedHourTwice() {
        #expect(minutes(sundayNight, "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00") == 240)
        #expect(due(sundayNight, "2025-10-26T01:00+02:00", plus: 90) == "2025-10-26T02:30:00+02:00")
        #expect(due(sundayNight, "2025-10-26T01:00+02:00", plus: 150) == "2025-10-26T02:30:00+01:00")
        #expect(due(sundayNight, "2025-10-26T01:00+02:00", plus: 240) == "2025-10-26T04:00:00+01:00")
        // Starting in the second 02:30 leaves 90 minutes that night.
        #expect(minutes(sundayNight, "2025-10-26T02:30+01:00", "2025-10-27T00:00+01:00") == 90)
    }

    @Test func rangeInsideTheSwitchHour() {
        let switchHour = SLATest.everyDay([MinuteRange(2, 0, to: 3, 0)])
        #expect(minutes(switchHour, "2025-03-30T00:00+01:00", "2025-03-31T00:00+02:00") == 0)
        #expect(minutes(switchHour, "2025-10-26T00:00+02:00", "2025-10-27T00:00+01:00") == 120)
        #expect(due(switchHour, "2025-03-29T02:30+01:00", plus: 60) == "2025-03-31T02:30:00+02:00")
        #expect(switchHour.nextWorkingInstant(atOrAfter: SLATest.at("2025-03-30T00:00+01:00"))
            == SLATest.at("2025-03-31T02:00+02:00"))
    }

    @Test func ticketOpenOverTheSwitchOnASundayService() {
        // Sundays 08:00–20:00 around 2025-10-26: Saturday 12:00 + 13 hours = Sunday 08:00–20:00 (12 h) + next Sunday 1 h.
        let sundayService = BusinessCalendar(
            name: "Sonntag", timeZoneID: "Europe/Berlin", weeklyHours: [.sunday: [MinuteRange(8, 0, to: 20, 0)]]
        )
        #expect(due(sundayService, "2025-10-25T12:00+02:00", plus: 13 * 60) == "2025-11-02T09:00:00+01:00")
        #expect(due(sundayService, "2025-03-29T12:00+01:00", plus: 12 * 60) == "2025-03-30T20:00:00+02:00")
    }

    @Test func otherZones() {
        // São Paulo switched at midnight on 2018-11-04: 00:00–01:00 did not exist.
        let saoPaulo = SLATest.everyDay([MinuteRange(0, 0, to: 2, 0)], zone: "America/Sao_Paulo")
        #expect(minutes(saoPaulo, "2018-11-04T00:00-03:00", "2018-11-05T00:00-02:00") == 60)
        // Lord Howe Island shifts by 30 minutes: 2025-04-06 02:00 (+11) became 01:30 (+10:30).
        let lordHowe = BusinessCalendar.allDay(timeZoneID: "Australia/Lord_Howe")
        #expect(minutes(lordHowe, "2025-04-06T00:00+11:00", "2025-04-07T00:00+10:30") == 24 * 60 + 30)
        // Moscow left +04:00 for good on 2014-10-26 (02:00 became 01:00).
        let moscow = BusinessCalendar.allDay(timeZoneID: "Europe/Moscow")
        #expect(minutes(moscow, "2014-10-26T00:00+04:00", "2014-10-27T00:00+03:00") == 25 * 60)
    }
}
