import Domain
import Foundation
import Testing

/// Compares the calendar arithmetic with a brute-force reference that looks at every single minute, over
/// random calendars (zones with DST, 30- and 45-minute offsets, overlapping and touching ranges, all holiday
/// kinds) and random intervals, many of them around a time-zone transition.
@Suite struct CalendarPropertyTests {
    /// Minute-by-minute truth: a minute is working time if its local wall-clock minute lies in a weekly range of
    /// its local weekday and its local date is not a holiday. Dates come from Foundation's Gregorian calendar,
    /// Easter from a table (python-dateutil), Buß- und Bettag by its definition.
    struct Reference {
        static let easter: [Int: (month: Int, day: Int)] = [
            2015: (4, 5), 2016: (3, 27), 2017: (4, 16), 2018: (4, 1), 2019: (4, 21), 2020: (4, 12), 2021: (4, 4),
            2022: (4, 17), 2023: (4, 9), 2024: (3, 31), 2025: (4, 20), 2026: (4, 5), 2027: (3, 28), 2028: (4, 16),
            2029: (4, 1), 2030: (4, 21), 2031: (4, 13), 2032: (3, 28), 2033: (4, 17), 2034: (4, 9), 2035: (3, 25),
            2036: (4, 13),
        ]

        let calendar: BusinessCalendar
        let zone: TimeZone
        private let gregorian: Calendar
        private var days: [Int: (weekday: Weekday, isHoliday: Bool)] = [:]

        init(_ calendar: BusinessCalendar) {
            self.calendar = calendar
            zone = TimeZone(identifier: calendar.timeZoneID)!
            var gregorian = Calendar(identifier: .gregorian)
            gregorian.timeZone = TimeZone(identifier: "UTC")!
            self.gregorian = gregorian
        }

        mutating func isWorking(minuteStartingAt second: Int) -> Bool {
            let local = second + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
            let day = Int((Double(local) / 86_400).rounded(.down))
            let minuteOfDay = (local - day * 86_400) / 60
            let facts = dayFacts(day)
            guard !facts.isHoliday else { return false }
            return (calendar.weeklyHours[facts.weekday] ?? []).contains { $0.start <= minuteOfDay && minuteOfDay < $0.end }
        }

        private mutating func dayFacts(_ day: Int) -> (weekday: Weekday, isHoliday: Bool) {
            if let known = days[day] { return known }
            let noon = Date(timeIntervalSince1970: TimeInterval(day * 86_400 + 43_200))
            let parts = gregorian.dateComponents([.year, .month, .day, .weekday], from: noon)
            let (year, month, dayOfMonth) = (parts.year!, parts.month!, parts.day!)
            // Foundation: 1 = Sunday … 7 = Saturday.
            let weekday = Weekday.allCases[(parts.weekday! + 5) % 7]
            let isHoliday = calendar.holidays.contains { rule in
                switch rule.kind {
                case .fixed(let m, let d):
                    return m == month && d == dayOfMonth
                case .oneOff(let date):
                    return date.year == year && date.month == month && date.day == dayOfMonth
                case .bussUndBettag:
                    return month == 11 && (16...22).contains(dayOfMonth) && weekday == .wednesday
                case .easter(let offset):
                    return [year - 1, year, year + 1].contains { easterYear in
                        guard let sunday = Self.easter[easterYear] else { return false }
                        let easterDate = gregorian.date(
                            from: DateComponents(year: easterYear, month: sunday.month, day: sunday.day, hour: 12)
                        )!
                        let holiday = gregorian.date(byAdding: .day, value: offset, to: easterDate)!
                        let h = gregorian.dateComponents([.year, .month, .day], from: holiday)
                        return h.year == year && h.month == month && h.day == dayOfMonth
                    }
                }
            }
            days[day] = (weekday, isHoliday)
            return (weekday, isHoliday)
        }
    }

    static let zones = [
        "Europe/Berlin", "UTC", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kolkata",
        "Pacific/Chatham", "Europe/London", "America/Santiago", "Asia/Tehran", "Africa/Casablanca", "Europe/Moscow",
        "America/St_Johns", "Pacific/Apia",
    ]

    static func randomCalendar(_ random: inout SeededRandom) -> BusinessCalendar {
        var hours: [Weekday: [MinuteRange]] = [:]
        repeat {
            hours = [:]
            for weekday in Weekday.allCases {
                switch random.int(0...99) {
                case 0..<25:
                    continue
                case 25..<35:
                    hours[weekday] = [MinuteRange(start: 0, end: 1440)]
                case 35..<45:
                    // Around the hours DST switches in most zones.
                    hours[weekday] = [MinuteRange(start: random.int(0...150), end: random.int(151...240))]
                default:
                    let cuts = Set((0..<(2 * random.int(1...3))).map { _ in random.int(0...1440) }).sorted()
                    var ranges: [MinuteRange] = []
                    var index = 0
                    while index + 1 < cuts.count {
                        ranges.append(MinuteRange(start: cuts[index], end: cuts[index + 1]))
                        index += 2
                    }
                    if let first = ranges.first, random.chance(0.2) {
                        // Touching or overlapping ranges: the engine merges them, the reference takes the union.
                        ranges.append(MinuteRange(
                            start: max(0, first.end - random.int(0...30)), end: min(1440, first.end + random.int(1...60))
                        ))
                    }
                    hours[weekday] = ranges.shuffledDeterministically(&random)
                }
            }
        } while hours.values.allSatisfy(\.isEmpty)

        var holidays: [HolidayRule] = []
        for _ in 0..<random.int(0...6) {
            let kind: HolidayRule.Kind
            switch random.int(0...3) {
            case 0: kind = .fixed(month: random.int(1...12), day: random.int(1...31))
            case 1: kind = .oneOff(LocalDate(year: random.int(2016...2034), month: random.int(1...12), day: random.int(1...28))!)
            case 2: kind = .easter(offset: random.chance(0.5) ? random.pick([-2, 1, 39, 50, 60]) : random.int(-100...100))
            default: kind = .bussUndBettag
            }
            holidays.append(HolidayRule(name: "H\(holidays.count)", kind: kind))
        }
        return BusinessCalendar(name: "Random", timeZoneID: random.pick(zones), weeklyHours: hours, holidays: holidays)
    }

    /// 300 random calendars with three intervals each, in four independent batches that can run in parallel.
    @Test(arguments: 0..<4)
    func arithmeticMatchesMinuteByMinuteReference(batch: Int) {
        var random = SeededRandom(seed: 20_251_119 &+ UInt64(batch) &* 1_000_003)
        let firstSecond = 1_451_606_400 // 2016-01-01T00:00Z
        let lastSecond = 2_051_222_400 // 2035-01-01T00:00Z
        var checkedMinutes = 0
        for calendarNumber in 0..<75 {
            let calendar = Self.randomCalendar(&random)
            var reference = Reference(calendar)
            for _ in 0..<3 {
                var start = firstSecond + random.int(0...((lastSecond - firstSecond) / 60 - 40 * 1440)) * 60
                if random.chance(0.5),
                   let transition = reference.zone.nextDaylightSavingTimeTransition(
                       after: Date(timeIntervalSince1970: TimeInterval(start))
                   ),
                   transition.timeIntervalSince1970 < Double(lastSecond - 40 * 86_400) {
                    start = Int(transition.timeIntervalSince1970) / 60 * 60 - random.int(0...(3 * 1440)) * 60
                }
                let length = random.chance(0.8) ? random.int(0...(4 * 1440)) : random.int(0...(21 * 1440))
                let end = start + length * 60
                let working = (0..<length).map { reference.isWorking(minuteStartingAt: start + $0 * 60) }
                checkedMinutes += length
                let context = "batch \(batch) calendar #\(calendarNumber) \(calendar.timeZoneID) "
                    + "\(calendar.weeklyHours) \(calendar.holidays) from \(start) to \(end)"
                check(calendar, start: start, end: end, working: working, random: &random, context)
            }
        }
        #expect(checkedMinutes > 250_000)
    }

    private func check(
        _ calendar: BusinessCalendar, start: Int, end: Int, working: [Bool], random: inout SeededRandom, _ context: String
    ) {
        func date(_ second: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(second)) }
        let count = working.filter { $0 }.count

        #expect(calendar.workingSeconds(from: date(start), to: date(end)) == count * 60, "\(context)")

        // Segments cover exactly the working minutes, in order, within the interval.
        let breakdown = calendar.segments(from: date(start), to: date(end))
        var covered = [Bool](repeating: false, count: working.count)
        var previousEnd = start
        for segment in breakdown.segments {
            let from = Int(segment.start.timeIntervalSince1970)
            let to = Int(segment.end.timeIntervalSince1970)
            #expect(from >= previousEnd && from < to && to <= end && to - from == segment.seconds, "\(context)")
            for minute in stride(from: from, to: to, by: 60) { covered[(minute - start) / 60] = true }
            previousEnd = to
        }
        let mismatch = covered.indices.first { covered[$0] != working[$0] }
        #expect(mismatch == nil, "segments wrong from minute \(mismatch ?? -1): \(context)")

        // Adding n working minutes ends right after the n-th working minute.
        let workingIndexes = working.indices.filter { working[$0] }
        #expect(calendar.date(addingWorkingMinutes: 0, to: date(start)) == date(start), "\(context)")
        if !workingIndexes.isEmpty {
            var samples = [1, workingIndexes.count]
            for _ in 0..<3 { samples.append(random.int(1...workingIndexes.count)) }
            for n in samples {
                #expect(calendar.date(addingWorkingMinutes: n, to: date(start)) == date(start + (workingIndexes[n - 1] + 1) * 60),
                        "adding \(n): \(context)")
            }
            #expect(calendar.nextWorkingInstant(atOrAfter: date(start)) == date(start + workingIndexes[0] * 60), "\(context)")
        }

        // Additivity at a random split, and to the second.
        if !working.isEmpty {
            let split = start + random.int(0...working.count) * 60
            #expect(calendar.workingSeconds(from: date(start), to: date(split))
                + calendar.workingSeconds(from: date(split), to: date(end)) == count * 60, "split \(split): \(context)")
            let offset = random.int(1...59)
            #expect(calendar.workingSeconds(from: date(start + offset), to: date(end))
                == count * 60 - (working[0] ? offset : 0), "offset \(offset): \(context)")
        }
    }
}

private extension Array {
    func shuffledDeterministically(_ random: inout SeededRandom) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 {
            copy.swapAt(index, random.int(0...index))
        }
        return copy
    }
}
