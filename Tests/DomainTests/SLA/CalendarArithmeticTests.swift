import Domain
import Foundation
import Testing

/// Hand-checked working-time arithmetic on the Saxon administration calendar
/// (Monday–Friday 07:30–12:00 and 12:30–16:00, Europe/Berlin, Saxon public holidays).
@Suite struct CalendarArithmeticTests {
    private let saxony = SLATest.saxony

    private func due(_ start: String, plus minutes: Int, _ calendar: BusinessCalendar = .saxony) -> String {
        SLATest.text(calendar.date(addingWorkingMinutes: minutes, to: SLATest.at(start)))
    }

    private func minutes(_ from: String, _ to: String, _ calendar: BusinessCalendar = .saxony) -> Int {
        calendar.workingMinutes(from: SLATest.at(from), to: SLATest.at(to))
    }

    // MARK: Adding working time

    @Test func fridayAfternoonBeforeWhitMonday() {
        // Fri 15:00–16:00 (60), Sat/Sun no hours, Mon 9 June Pfingstmontag, Tue 07:30–10:30 (180).
        #expect(due("2025-06-06T15:00+02:00", plus: 240) == "2025-06-10T10:30:00+02:00")
        #expect(minutes("2025-06-06T15:00+02:00", "2025-06-10T10:30+02:00") == 240)
        // A full 8-hour target: Fri 60, Tue 07:30–12:00 (270), 12:30–15:00 (150).
        #expect(due("2025-06-06T15:00+02:00", plus: 480) == "2025-06-10T15:00:00+02:00")
    }

    @Test func fullWorkingDayOverTheWeekend() {
        // Fri 60, Mon 07:30–12:00 (270), 12:30–15:00 (150).
        #expect(due("2025-06-13T15:00+02:00", plus: 480) == "2025-06-16T15:00:00+02:00")
    }

    @Test func ticketCreatedOnSaturday() {
        #expect(due("2025-06-14T10:00+02:00", plus: 60) == "2025-06-16T08:30:00+02:00")
        #expect(minutes("2025-06-14T10:00+02:00", "2025-06-16T07:30+02:00") == 0)
    }

    @Test func ticketCreatedBeforeOpeningAndDuringLunch() {
        #expect(due("2025-06-16T06:00+02:00", plus: 30) == "2025-06-16T08:00:00+02:00")
        #expect(due("2025-06-16T12:10+02:00", plus: 30) == "2025-06-16T13:00:00+02:00")
        #expect(due("2025-06-16T20:00+02:00", plus: 30) == "2025-06-17T08:00:00+02:00")
    }

    @Test func dueExactlyAtTheEndOfARange() {
        // The result is the end of the range, not the start of the next one.
        #expect(due("2025-06-16T15:00+02:00", plus: 60) == "2025-06-16T16:00:00+02:00")
        #expect(due("2025-06-16T11:00+02:00", plus: 60) == "2025-06-16T12:00:00+02:00")
        #expect(due("2025-06-16T11:00+02:00", plus: 61) == "2025-06-16T12:31:00+02:00")
        #expect(due("2025-06-16T07:30+02:00", plus: 480) == "2025-06-16T16:00:00+02:00")
        #expect(due("2025-06-16T07:30+02:00", plus: 481) == "2025-06-17T07:31:00+02:00")
        // Friday's last minute ends at 16:00 on Friday, not on Monday morning.
        #expect(due("2025-06-13T15:59+02:00", plus: 1) == "2025-06-13T16:00:00+02:00")
    }

    @Test func addingNothingIsTheStartItself() {
        #expect(due("2025-06-14T10:00+02:00", plus: 0) == "2025-06-14T10:00:00+02:00")
        #expect(due("2025-06-14T10:00+02:00", plus: -5) == "2025-06-14T10:00:00+02:00")
    }

    @Test func tenThousandMinutesDayByDay() {
        // 20 full days (9600) from Mon 16 June are 16 June–11 July (no Saxon holiday); 400 more on Mon 14 July:
        // 270 until 12:00, 130 from 12:30 → 14:40.
        let clock = ContinuousClock()
        var result = ""
        let elapsed = clock.measure { result = due("2025-06-16T07:30+02:00", plus: 10_000) }
        #expect(result == "2025-07-14T14:40:00+02:00")
        #expect(minutes("2025-06-16T07:30+02:00", "2025-07-14T14:40+02:00") == 10_000)
        #expect(elapsed < .milliseconds(100))
    }

    @Test func easterWeekend() {
        // Thu 17 April 15:00–16:00, Karfreitag, weekend, Ostermontag, Tue 07:30–08:30.
        #expect(due("2025-04-17T15:00+02:00", plus: 120) == "2025-04-22T08:30:00+02:00")
    }

    @Test func bussUndBettagIsADayOff() {
        #expect(due("2025-11-18T15:30+01:00", plus: 60) == "2025-11-20T08:00:00+01:00")
        #expect(due("2024-11-19T15:30+01:00", plus: 60) == "2024-11-21T08:00:00+01:00")
        #expect(due("2026-11-17T15:30+01:00", plus: 60) == "2026-11-19T08:00:00+01:00")
    }

    @Test func christmasAndNewYear() {
        // Tue 23 Dec 08:00–16:00 less lunch (450), Wed 24 Dec full day (480; not a public holiday),
        // 25/26 Dec holidays, weekend, Mon 29 Dec 07:30–08:00 (30).
        #expect(minutes("2025-12-23T08:00+01:00", "2025-12-29T08:00+01:00") == 960)
        // Wed 31 Dec 15:00–16:00, Neujahr, Fri 2 Jan 07:30–08:30.
        #expect(due("2025-12-31T15:00+01:00", plus: 120) == "2026-01-02T08:30:00+01:00")
    }

    // MARK: Next working instant

    @Test func nextWorkingInstant() {
        func next(_ text: String) -> String { SLATest.text(saxony.nextWorkingInstant(atOrAfter: SLATest.at(text))) }
        #expect(next("2025-06-14T10:00+02:00") == "2025-06-16T07:30:00+02:00")
        #expect(next("2025-06-16T09:15+02:00") == "2025-06-16T09:15:00+02:00")
        #expect(next("2025-06-16T12:00+02:00") == "2025-06-16T12:30:00+02:00")
        #expect(next("2025-06-16T16:00+02:00") == "2025-06-17T07:30:00+02:00")
        #expect(next("2025-12-24T16:00+01:00") == "2025-12-29T07:30:00+01:00")
        #expect(next("2025-06-06T16:00+02:00") == "2025-06-10T07:30:00+02:00")
    }

    @Test func isWorkingTimeUsesHalfOpenRanges() {
        #expect(saxony.isWorkingTime(SLATest.at("2025-06-16T07:30+02:00")))
        #expect(!saxony.isWorkingTime(SLATest.at("2025-06-16T07:29:59+02:00")))
        #expect(saxony.isWorkingTime(SLATest.at("2025-06-16T11:59:59+02:00")))
        #expect(!saxony.isWorkingTime(SLATest.at("2025-06-16T12:00+02:00")))
        #expect(!saxony.isWorkingTime(SLATest.at("2025-06-16T16:00+02:00")))
        #expect(!saxony.isWorkingTime(SLATest.at("2025-06-09T09:00+02:00")))
    }

    // MARK: Seconds

    @Test func exactToTheSecond() {
        #expect(due("2025-06-16T07:30:30+02:00", plus: 1) == "2025-06-16T07:31:30+02:00")
        #expect(saxony.workingSeconds(from: SLATest.at("2025-06-16T07:29:40+02:00"), to: SLATest.at("2025-06-16T07:30:20+02:00"))
            == 20)
        #expect(minutes("2025-06-16T07:29:40+02:00", "2025-06-16T07:30:20+02:00") == 0)
        #expect(saxony.date(addingWorkingSeconds: 90, to: SLATest.at("2025-06-16T11:59+02:00"))
            == SLATest.at("2025-06-16T12:30:30+02:00"))
        // Fractions of a second are cut off.
        let start = SLATest.at("2025-06-16T08:00+02:00").addingTimeInterval(0.75)
        #expect(saxony.date(addingWorkingSeconds: 1, to: start) == SLATest.at("2025-06-16T08:00:01+02:00"))
    }

    @Test func reversedIntervalsCountNothing() {
        #expect(minutes("2025-06-17T08:00+02:00", "2025-06-16T08:00+02:00") == 0)
        #expect(saxony.segments(from: SLATest.at("2025-06-17T08:00+02:00"), to: SLATest.at("2025-06-16T08:00+02:00"))
            == WorkingTimeBreakdown())
    }

    // MARK: Segments

    @Test func segmentsExplainTheDueTime() {
        let breakdown = saxony.segments(from: SLATest.at("2025-06-06T15:00+02:00"), to: SLATest.at("2025-06-10T10:30+02:00"))
        #expect(breakdown.segments == [
            WorkingSegment(
                date: SLATest.day("2025-06-06"), start: SLATest.at("2025-06-06T15:00+02:00"),
                end: SLATest.at("2025-06-06T16:00+02:00"), seconds: 3600
            ),
            WorkingSegment(
                date: SLATest.day("2025-06-10"), start: SLATest.at("2025-06-10T07:30+02:00"),
                end: SLATest.at("2025-06-10T10:30+02:00"), seconds: 10_800
            ),
        ])
        #expect(breakdown.holidays == [
            SkippedHoliday(date: SLATest.day("2025-06-09"), name: "Pfingstmontag", skippedSeconds: 8 * 3600),
        ])
        #expect(breakdown.workingSeconds == 240 * 60)
    }

    @Test func lunchBreakSplitsSegmentsAndHolidaysCountOnlyWhatTheyTookAway() {
        let lunch = saxony.segments(from: SLATest.at("2025-06-16T11:00+02:00"), to: SLATest.at("2025-06-16T13:00+02:00"))
        #expect(lunch.segments.map(\.seconds) == [3600, 1800])
        #expect(lunch.segments.map { SLATest.text($0.start) } == ["2025-06-16T11:00:00+02:00", "2025-06-16T12:30:00+02:00"])
        let christmas = saxony.segments(from: SLATest.at("2025-12-25T10:00+01:00"), to: SLATest.at("2025-12-28T10:00+01:00"))
        #expect(christmas.segments.isEmpty)
        #expect(christmas.holidays.map { "\($0.date) \($0.name) \($0.skippedSeconds / 60)" } == [
            "2025-12-25 1. Weihnachtstag 330", "2025-12-26 2. Weihnachtstag 480",
        ])
        // A holiday on a Saturday takes nothing away and is not listed.
        let saturday = saxony.segments(from: SLATest.at("2027-12-24T00:00+01:00"), to: SLATest.at("2027-12-28T00:00+01:00"))
        #expect(saturday.holidays.map(\.name) == [])
    }

    // MARK: Ranges across midnight

    /// Night shift 22:00–06:00 from Monday night to Saturday morning, written as 22:00–24:00 (Mon–Fri)
    /// and 00:00–06:00 (Tue–Sat).
    private var nightShift: BusinessCalendar {
        var hours: [Weekday: [MinuteRange]] = [:]
        for day in Weekday.workdays { hours[day, default: []].append(MinuteRange(22, 0, to: 24, 0)) }
        for day in [Weekday.tuesday, .wednesday, .thursday, .friday, .saturday] {
            hours[day, default: []].insert(MinuteRange(0, 0, to: 6, 0), at: 0)
        }
        return BusinessCalendar(name: "Nacht", timeZoneID: "Europe/Berlin", weeklyHours: hours)
    }

    @Test func nightShiftRunsThroughMidnight() {
        #expect(due("2025-06-16T23:00+02:00", plus: 120, nightShift) == "2025-06-17T01:00:00+02:00")
        #expect(due("2025-06-16T12:00+02:00", plus: 480, nightShift) == "2025-06-17T06:00:00+02:00")
        let segments = nightShift.segments(from: SLATest.at("2025-06-16T23:00+02:00"), to: SLATest.at("2025-06-17T01:00+02:00"))
        #expect(segments.segments.map { "\($0.date) \($0.seconds)" } == ["2025-06-16 3600", "2025-06-17 3600"])
        // Friday night ends Saturday 06:00; the next shift starts Monday 22:00.
        #expect(due("2025-06-21T05:00+02:00", plus: 120, nightShift) == "2025-06-23T23:00:00+02:00")
    }

    @Test func holidayAfterMidnightRemovesOnlyItsOwnDay() {
        var calendar = nightShift
        calendar.holidays = [HolidayRule(name: "Stadtfest", kind: .oneOff(SLATest.day("2025-06-17")))]
        // Mon 22–24 counts (Monday is no holiday); Tue 00–06 and Tue 22–24 belong to the holiday; Wed 00–01.
        #expect(due("2025-06-16T22:00+02:00", plus: 180, calendar) == "2025-06-18T01:00:00+02:00")
    }

    // MARK: Calendars without working time

    @Test func calendarWithoutHoursNeverReachesATarget() {
        let empty = BusinessCalendar(name: "Leer", timeZoneID: "Europe/Berlin", weeklyHours: [:])
        #expect(empty.date(addingWorkingMinutes: 1, to: SLATest.at("2025-06-16T08:00+02:00")) == nil)
        #expect(empty.nextWorkingInstant(atOrAfter: SLATest.at("2025-06-16T08:00+02:00")) == nil)
        #expect(empty.workingMinutes(from: SLATest.at("2025-06-16T08:00+02:00"), to: SLATest.at("2026-06-16T08:00+02:00")) == 0)
        // Hours only on 1 May, which is a holiday: none for ten years.
        let may = BusinessCalendar(
            name: "Mai", timeZoneID: "UTC", weeklyHours: BusinessCalendar.allDay.weeklyHours,
            holidays: (1...12).flatMap { month in
                (1...31).map { HolidayRule(name: "Frei", kind: .fixed(month: month, day: $0)) }
            }
        )
        #expect(may.date(addingWorkingMinutes: 1, to: SLATest.at("2025-06-16T08:00Z")) == nil)
    }

    @Test func localDateFollowsTheZone() {
        // 23:30 UTC on 31 December is already New Year's Day in Berlin.
        #expect(saxony.localDate(of: SLATest.at("2025-12-31T23:30Z")) == SLATest.day("2026-01-01"))
        #expect(BusinessCalendar.allDay(timeZoneID: "UTC").localDate(of: SLATest.at("2025-12-31T23:30Z"))
            == SLATest.day("2025-12-31"))
        #expect(SLATest.day("2025-11-19").weekday == .wednesday)
    }

    @Test func weeklyMinutes() {
        #expect(saxony.weeklyMinutes == 2400)
        #expect(BusinessCalendar.allDay.weeklyMinutes == 7 * 1440)
    }
}
