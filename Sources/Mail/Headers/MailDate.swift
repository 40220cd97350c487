import Foundation

/// Dates in mail headers (RFC 5322 section 3.3): parsed forgivingly, written exactly.
///
/// Parsing accepts the obsolete and broken forms real mail has: no day of week, two- and three-digit years, no
/// seconds, named zones (`GMT`, `EST`, `CEST` …, unknown names count as UTC), a missing zone (UTC), comments,
/// commas and dots in odd places, full month names and `Tue, 1 Jul 2003 10:52:37 +0200 (CEST)`.
public enum MailDate {
    /// The instant a Date header names, or nil if it names none.
    public static func parse(_ header: String) -> Date? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?

        for token in tokens(header) {
            let lower = ASCII.lowercased(String(token))
            if let digits = Int(token), token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                if day == nil, token.utf8.count <= 2, digits >= 1, digits <= 31 {
                    day = digits
                } else if year == nil, token.utf8.count >= 2, token.utf8.count <= 4 {
                    year = digits < 50 && token.utf8.count <= 2 ? 2000 + digits : digits < 1000 ? 1900 + digits : digits
                }
            } else if month == nil, lower.utf8.count >= 3, let index = months.firstIndex(where: { lower.hasPrefix($0) }) {
                month = index + 1
            } else if time == nil, token.utf8.contains(ASCII.colon) {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard parts.count >= 2, parts.count <= 3, let hour = parts[0], let minute = parts[1] else { continue }
                let second = parts.count == 3 ? parts[2] : 0
                guard let second, hour < 24, minute < 60, second <= 60 else { continue }
                time = (hour, minute, min(second, 59))
            } else if offset == nil, let first = token.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-"),
                      token.utf8.count == 5, let value = Int(token.dropFirst()) {
                let minutes = value / 100 * 60 + value % 100
                guard value % 100 < 60, minutes <= 24 * 60 else { continue }
                offset = (first == UInt8(ascii: "-") ? -minutes : minutes) * 60
            } else if offset == nil, time != nil, let zone = zones[lower] {
                offset = zone * 3600
            }
        }
        guard let day, let month, let year, let time else { return nil }
        guard day <= daysIn(month: month, year: year) else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + time.second - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `date` as RFC 5322 writes it, such as `Tue, 01 Jul 2003 10:52:37 +0200`, in `timeZone`.
    public static func format(_ date: Date, timeZone: TimeZone = .current) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = local - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        let sign = offset < 0 ? "-" : "+"
        let offsetMinutes = abs(offset) / 60
        return "\(weekdays[weekday]), \(pad(day)) \(monthNames[month - 1]) \(year) "
            + "\(pad(secondsOfDay / 3600)):\(pad(secondsOfDay / 60 % 60)):\(pad(secondsOfDay % 60)) "
            + "\(sign)\(pad(offsetMinutes / 60))\(pad(offsetMinutes % 60))"
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Zone names and their offsets in hours; RFC 5322's, and the European ones German mail servers write.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "west": 1, "cet": 1, "met": 1, "cest": 2, "mest": 2,
        "eet": 2, "eest": 3, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    private static func tokens(_ header: String) -> [Substring] {
        var text = Substring(header)
        // Drop comments such as `(CEST)`; unbalanced parentheses end the useful part.
        if text.contains("(") {
            var kept = ""
            var depth = 0
            for character in text {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 {
                    kept.append(character)
                }
            }
            text = Substring(kept)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" })
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
            .filter { !$0.isEmpty }
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a date in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
