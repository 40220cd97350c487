import Foundation

/// Dates and durations as pages show them: absolute times in the installation's time zone
/// ("28.11.2026 14:30" / "28/11/2026 14:30") and short relative spans ("in 2 Std. 10 Min." / "in 2 h 10 min").
struct TimeText: Sendable {
    let language: UILanguage
    let timeZone: TimeZone

    /// Day and time in the installation's time zone.
    func absolute(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .numeric, time: .shortened, locale: language.locale, calendar: Calendar(identifier: .gregorian), timeZone: timeZone)
        style = style.year(.defaultDigits).month(.twoDigits).day(.twoDigits).hour(.twoDigits(amPM: .omitted)).minute(.twoDigits)
        return date.formatted(style)
    }

    /// The time of day in the installation's time zone: "14:30".
    func clock(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: language.locale, calendar: Calendar(identifier: .gregorian), timeZone: timeZone))
    }

    /// For `datetime-local` inputs: `2026-11-28T14:30` in the installation's time zone.
    func inputValue(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// Reads a `datetime-local` value in the installation's time zone.
    func date(fromInput text: String) -> Date? {
        let parts = text.split { $0 == "-" || $0 == "T" || $0 == ":" }.compactMap { Int($0) }
        guard parts.count >= 5 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
    }

    /// "in 2 h 10 min" for the future, "3 h ago" for the past, relative to `now`.
    func relative(_ date: Date, now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let span = span(abs(seconds))
        switch (language, seconds >= 0) {
        case (.de, true): return "in \(span)"
        case (.de, false): return "vor \(span)"
        case (.en, true): return "in \(span)"
        case (.en, false): return "\(span) ago"
        }
    }

    /// A duration in its two largest units: "2 d 4 h", "3 h 10 min", "5 min".
    func span(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let unit: (String) -> String = { key in
            switch (key, language) {
            case ("d", .de): "T."
            case ("h", .de): "Std."
            case ("min", .de): "Min."
            default: key
            }
        }
        if days > 0 { return hours > 0 ? "\(days) \(unit("d")) \(hours) \(unit("h"))" : "\(days) \(unit("d"))" }
        if hours > 0 { return rest > 0 ? "\(hours) \(unit("h")) \(rest) \(unit("min"))" : "\(hours) \(unit("h"))" }
        return "\(max(rest, seconds > 0 ? 1 : 0)) \(unit("min"))"
    }
}
