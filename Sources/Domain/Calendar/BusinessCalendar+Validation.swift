import Foundation

extension BusinessCalendar {
    /// Easter offsets must stay within this many days of Easter Sunday.
    public static let easterOffsetRange = -100...100

    /// Everything wrong with the calendar, each naming its field; empty if it may be stored.
    ///
    /// Field names: `name`, `timeZoneID`, `weeklyHours` (no working time at all),
    /// `weeklyHours.monday[1]` (a range that is inverted, empty, or outside 00:00–24:00),
    /// `weeklyHours.monday` (overlapping ranges), `holidays[2]` (an impossible or duplicate date rule),
    /// `holidays[2].name`.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(FieldIssue(field: "name", .required))
        }
        if !Self.isIANATimeZone(timeZoneID) {
            issues.append(FieldIssue(
                field: "timeZoneID", .unknownReference(reference: timeZoneID),
                detail: "\(timeZoneID) is not an IANA time zone such as Europe/Berlin."
            ))
        }
        issues += weeklyHoursIssues()
        issues += holidayIssues()
        return issues
    }

    private func weeklyHoursIssues() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var anyWorkingTime = false
        for weekday in Weekday.allCases {
            let ranges = weeklyHours[weekday] ?? []
            let field = "weeklyHours.\(weekday.rawValue)"
            for (index, range) in ranges.enumerated() {
                if range.start < 0 || range.start > 1440 || range.end < 0 || range.end > 1440 {
                    issues.append(FieldIssue(
                        field: "\(field)[\(index)]", .outOfRange(min: "00:00", max: "24:00"), detail: "Working hours must lie between 00:00 and 24:00."
                    ))
                } else if range.end < range.start {
                    issues.append(FieldIssue(
                        field: "\(field)[\(index)]", .endBeforeStart,
                        detail: "The range \(range) ends before it starts; split a range across midnight into "
                            + "one ending at 24:00 and one starting at 00:00 on the next day."
                    ))
                } else if range.end == range.start {
                    issues.append(FieldIssue(field: "\(field)[\(index)]", .endBeforeStart, detail: "The range \(range) is empty."))
                } else {
                    anyWorkingTime = true
                }
            }
            let wellFormed = ranges.enumerated().filter { $0.element.isWellFormed }
            for (position, first) in wellFormed.enumerated() {
                for second in wellFormed[(position + 1)...] where first.element.overlaps(second.element) {
                    issues.append(FieldIssue(
                        field: field, .overlap,
                        detail: "The ranges \(first.element) and \(second.element) on \(weekday.rawValue) overlap."
                    ))
                }
            }
        }
        if !anyWorkingTime {
            issues.append(FieldIssue(field: "weeklyHours", .required))
        }
        return issues
    }

    private func holidayIssues() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var seen: [HolidayRule.Kind: Int] = [:]
        for (index, rule) in holidays.enumerated() {
            let field = "holidays[\(index)]"
            if rule.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(FieldIssue(field: "\(field).name", .required))
            }
            switch rule.kind {
            case .fixed(let month, let day):
                // 2000 is a leap year, so 29 February passes; 30 February and 31 April do not.
                if LocalDate(year: 2000, month: month, day: day) == nil {
                    issues.append(FieldIssue(field: field, .invalidDate(example: "12-24"), detail: "Month \(month), day \(day) is not a date."))
                }
            case .easter(let offset):
                if !Self.easterOffsetRange.contains(offset) {
                    issues.append(FieldIssue(
                        field: field, .outOfRange(min: "−100", max: "100"), detail: "An Easter offset must lie between −100 and 100 days."
                    ))
                }
            case .oneOff, .bussUndBettag:
                break
            }
            if let earlier = seen[rule.kind] {
                issues.append(FieldIssue(field: field, .duplicate))
            } else {
                seen[rule.kind] = index
            }
        }
        return issues
    }

    /// Whether Foundation knows `identifier` as a zone and it is not an ad-hoc offset such as `GMT+2`.
    static func isIANATimeZone(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, TimeZone(identifier: identifier) != nil else { return false }
        for prefix in ["GMT", "UTC"] where identifier.hasPrefix(prefix) {
            let rest = identifier.dropFirst(prefix.count)
            if rest.first == "+" || rest.first == "-" { return false }
        }
        return true
    }
}
