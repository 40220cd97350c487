import Domain
import Foundation

/// Helpers shared by the SLA and calendar tests.
enum SLATest {
    /// The instant `text` names: `2025-06-06T15:00+02:00` (seconds optional), always with an explicit offset so
    /// that DST cases are unambiguous.
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var full = text
        if let tIndex = full.firstIndex(of: "T") {
            let time = full[full.index(after: tIndex)...]
            let clock = time.prefix { $0 != "+" && $0 != "-" && $0 != "Z" }
            if clock.count == 5 { full.insert(contentsOf: ":00", at: clock.endIndex) }
        }
        guard let date = formatter.date(from: full) else { fatalError("Bad test instant \(text)") }
        return date
    }

    /// `2025-06-06T15:00+02:00`-style text of `date` in `zone` (for readable failure messages).
    static func text(_ date: Date?, zone: String = "Europe/Berlin") -> String {
        guard let date else { return "nil" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: zone)!
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func day(_ text: String) -> LocalDate {
        guard let date = LocalDate(text) else { fatalError("Bad test date \(text)") }
        return date
    }

    static let saxony = BusinessCalendar.saxony

    /// A Berlin calendar with the given ranges on every day of the week and no holidays.
    static func everyDay(_ ranges: [MinuteRange], zone: String = "Europe/Berlin") -> BusinessCalendar {
        BusinessCalendar(
            name: "Test", timeZoneID: zone,
            weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, ranges) })
        )
    }

    /// SLA terms with the given targets in minutes.
    static func terms(
        firstResponse: Int? = nil, update: Int? = nil, solution: Int? = nil, warnAt: Int = 80,
        phone: PhoneTicketFirstResponse = .metAtCreation
    ) -> SLATerms {
        SLATerms(
            slaID: 1,
            targets: SLATargets(firstResponseMinutes: firstResponse, updateMinutes: update, solutionMinutes: solution),
            warnAtPercent: warnAt, phoneTickets: phone
        )
    }
}
