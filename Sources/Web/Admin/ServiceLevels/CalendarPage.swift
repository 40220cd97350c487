import Domain
import Foundation
import Services

/// Business calendars: the time zone, working hours per weekday and holidays that SLA clocks count in.
///
/// Working hours are typed per weekday as ranges (`07:30-12:00, 12:30-16:00`); holidays one per line as
/// `2026-12-24 Name` (once), `12-25 Name` (every year), `Ostern+1 Name` (days after Easter Sunday; also `Easter`)
/// or `BussUndBettag Name`.
struct CalendarPage: MasterDataPage {
    let path = "calendars"
    let blank = CalendarRecord(id: 0, calendar: BusinessCalendar(
        name: "", timeZoneID: "Europe/Berlin", weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, [MinuteRange(8, 0, to: 16, 0)]) })
    ))
    static let timeZones = ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/Luxembourg", "Europe/Brussels", "Europe/Amsterdam", "UTC"]

    func records(in master: MasterData) -> [CalendarRecord] { master.calendars }
    func isActive(_ record: CalendarRecord) -> Bool { record.isActive }

    func columns(_ t: AdminTexts) -> [String] {
        [t("admin.calendars.timeZone"), t("admin.calendars.weeklyHours"), t("admin.calendars.holidays")]
    }

    func cells(_ record: CalendarRecord, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        let minutes = record.calendar.weeklyMinutes
        return [
            AdminList.Cell(record.calendar.timeZoneID),
            AdminList.Cell(t("admin.calendars.hoursPerWeek", ["hours": String(minutes / 60), "minutes": minutes % 60 == 0 ? "" : ":\(minutes % 60)"])),
            AdminList.Cell(String(record.calendar.holidays.count)),
        ]
    }

    func sections(_ record: CalendarRecord, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        var zone = FormField("timeZoneId", t("admin.calendars.timeZone"), value: record.calendar.timeZoneID, hint: t("admin.calendars.timeZoneHint"), isRequired: true)
        zone.suggestions = Self.timeZones
        return [
            FormSection(fields: [
                FormField("name", t("admin.common.name"), value: record.name, isRequired: true), zone,
                FormField("comment", t("admin.common.comment"), .textarea, value: record.comment ?? ""),
                .checkbox("isActive", t("admin.common.active"), isChecked: record.isActive),
            ]),
            FormSection(t("admin.calendars.weeklyHours"), hint: t("admin.calendars.weeklyHoursHint"), fields: Weekday.allCases.map { day in
                FormField("weeklyHours.\(day.rawValue)", t("admin.weekday.\(day.rawValue)"),
                          value: (record.calendar.weeklyHours[day] ?? []).sorted().map(Self.text).joined(separator: ", "))
            }),
            FormSection(t("admin.calendars.holidays"), hint: t("admin.calendars.holidaysHint"), fields: [
                FormField("holidays", t("admin.calendars.holidayLines"), .textarea, value: record.calendar.holidays.map(Self.line).joined(separator: "\n")),
            ]),
        ]
    }

    func read(_ form: inout FormReader, into record: CalendarRecord) -> CalendarRecord {
        var record = record
        record.calendar.name = form.text("name")
        record.calendar.timeZoneID = form.text("timeZoneId")
        record.comment = form.optional("comment")
        record.isActive = form.isChecked("isActive")
        for day in Weekday.allCases {
            let field = "weeklyHours.\(day.rawValue)"
            var ranges: [MinuteRange] = []
            for piece in form.text(field).split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let text = piece.trimmingCharacters(in: .whitespaces)
                guard let range = MinuteRange(text) else {
                    form.report(field, form.t("admin.calendars.badRange", ["range": text]))
                    continue
                }
                ranges.append(range)
            }
            record.calendar.weeklyHours[day] = ranges.isEmpty ? nil : ranges
        }
        var holidays: [HolidayRule] = []
        for (number, line) in form.raw("holidays").split(whereSeparator: \.isNewline).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let rule = Self.rule(text) else {
                form.report("holidays", form.t("admin.calendars.badHoliday", ["line": String(number + 1), "text": text]))
                continue
            }
            holidays.append(rule)
        }
        record.calendar.holidays = holidays
        return record
    }

    /// `07:30-12:00`.
    static func text(_ range: MinuteRange) -> String {
        range.description.replacingOccurrences(of: "–", with: "-")
    }

    /// A holiday as one line of the form.
    static func line(_ rule: HolidayRule) -> String {
        switch rule.kind {
        case .fixed(let month, let day): String(format: "%02d-%02d ", month, day) + rule.name
        case .oneOff(let date): "\(date) \(rule.name)"
        case .easter(let offset): "Ostern\(offset >= 0 ? "+" : "")\(offset) \(rule.name)"
        case .bussUndBettag: "BussUndBettag \(rule.name)"
        }
    }

    /// Reads one line of the holiday list; nil when it fits none of the forms.
    static func rule(_ line: String) -> HolidayRule? {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let (when, name) = (parts[0], parts[1].trimmingCharacters(in: .whitespaces))
        let lower = when.lowercased()
        if let date = LocalDate(when) { return HolidayRule(name: name, kind: .oneOff(date)) }
        if lower == "bussundbettag" { return HolidayRule(name: name, kind: .bussUndBettag) }
        for prefix in ["ostern", "easter"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard let offset = rest.isEmpty ? 0 : Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : String(rest)) else { return nil }
            return HolidayRule(name: name, kind: .easter(offset: offset))
        }
        let monthDay = when.split(separator: "-").compactMap { Int($0) }
        guard monthDay.count == 2, when.count == 5 else { return nil }
        return HolidayRule(name: name, kind: .fixed(month: monthDay[0], day: monthDay[1]))
    }
}
