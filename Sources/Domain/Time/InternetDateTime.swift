import Foundation

/// Strict RFC 3339 timestamps (`2026-11-27T14:05:00+01:00`, `2026-11-27T13:05:00.250Z`).
///
/// Unlike `ISO8601DateFormatter`, parsing rejects dates that do not exist (`2026-02-30`) instead of
/// rolling them over, and requires an explicit offset.
public enum InternetDateTime {
    private static let millisecondsPerDay: Int64 = 86_400_000
    /// Seconds since 1970 from 0001-01-01T00:00:00Z up to 10000-01-01T00:00:00Z.
    private static let supportedRange = -62_135_596_800.0 ..< 253_402_300_800.0

    /// The instant `text` names, or nil unless it is `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with a real
    /// date and time whose UTC date lies in the years 1 to 9999. `T` and `Z` may be lowercase.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20,
              let date = GregorianDate(isoText: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = GregorianDate.decimal(bytes[11..<13]), hour < 24,
              let minute = GregorianDate.decimal(bytes[14..<16]), minute < 60,
              let second = GregorianDate.decimal(bytes[17..<19]), second < 60
        else { return nil }

        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > start, index - start <= 9, let digits = GregorianDate.decimal(bytes[start..<index]) else {
                return nil
            }
            fraction = Double(digits) / pow(10, Double(index - start))
        }

        guard let offsetSeconds = offset(bytes[index...]) else { return nil }
        let seconds = Double(date.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60 + second)
            + fraction - Double(offsetSeconds)
        guard supportedRange.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// `date` in UTC as `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` milliseconds when they are not zero.
    ///
    /// The instant is rounded to the millisecond; it must lie in the years 1 to 9999.
    public static func format(_ date: Date) -> String {
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = total / millisecondsPerDay
        var remainder = total % millisecondsPerDay
        if remainder < 0 {
            days -= 1
            remainder += millisecondsPerDay
        }
        guard let day = GregorianDate(daysSinceEpoch: Int(days)) else {
            preconditionFailure("InternetDateTime.format: \(date) lies outside the years 1 to 9999")
        }
        let milliseconds = Int(remainder % 1000)
        let seconds = Int(remainder / 1000)
        var text = day.isoText + "T" + GregorianDate.padded(seconds / 3600, width: 2) + ":"
            + GregorianDate.padded(seconds / 60 % 60, width: 2) + ":" + GregorianDate.padded(seconds % 60, width: 2)
        if milliseconds != 0 {
            text += "." + GregorianDate.padded(milliseconds, width: 3)
        }
        return text + "Z"
    }

    /// The offset east of UTC in seconds for exactly `Z`, `z` or `±HH:MM`.
    private static func offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(bytes)
        if bytes == [UInt8(ascii: "Z")] || bytes == [UInt8(ascii: "z")] { return 0 }
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              bytes[3] == UInt8(ascii: ":"),
              let hours = GregorianDate.decimal(bytes[1..<3]), hours < 24,
              let minutes = GregorianDate.decimal(bytes[4..<6]), minutes < 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
