import Foundation

/// Why a clock stands where it stands: the working segments it counted, the segments still ahead until its
/// due time, its pauses, and the holidays that took working time away — structured data the API and UI turn
/// into "due Tuesday 10:30 because …".
///
/// `counted` and `ahead` are recomputed with the calendar passed in; the stored per-period totals
/// (`SLAClock.periods`) stay authoritative for time used, should the calendar have changed since.
public struct SLAClockExplanation: Sendable, Hashable, Codable {
    /// A stretch during which the clock was paused, with the working time that passed and the holidays in it.
    public struct Pause: Sendable, Hashable, Codable {
        public var start: Date
        /// Nil while the pause lasts.
        public var end: Date?
        public var workingSeconds: Int
        public var holidays: [SkippedHoliday]

        public init(start: Date, end: Date?, workingSeconds: Int, holidays: [SkippedHoliday]) {
            self.start = start
            self.end = end
            self.workingSeconds = workingSeconds
            self.holidays = holidays
        }
    }

    public var kind: SLAClockKind
    /// The calendar's time zone, to show the instants in.
    public var timeZoneID: String
    public var status: SLAClockStatus
    /// Working time counted so far in this cycle (up to the explanation's instant, or until met/stopped).
    public var counted: [WorkingSegment]
    /// Working time from the explanation's instant up to `status.dueAt`, for a running clock not yet due.
    public var ahead: [WorkingSegment]
    public var pauses: [Pause]
    /// Holidays on working days within `counted` and `ahead`: why those skip days.
    public var holidays: [SkippedHoliday]

    public init(
        kind: SLAClockKind, timeZoneID: String, status: SLAClockStatus, counted: [WorkingSegment],
        ahead: [WorkingSegment], pauses: [Pause], holidays: [SkippedHoliday]
    ) {
        self.kind = kind
        self.timeZoneID = timeZoneID
        self.status = status
        self.counted = counted
        self.ahead = ahead
        self.pauses = pauses
        self.holidays = holidays
    }
}

extension SLAClock {
    /// The clock's explanation as of `instant` (not before its last event).
    public func explanation(at instant: Date, calendar: BusinessCalendar) -> SLAClockExplanation {
        let now = max(instant, countedUntil ?? instant)
        var counted: [WorkingSegment] = []
        var ahead: [WorkingSegment] = []
        var pauses: [SLAClockExplanation.Pause] = []
        var holidays: [SkippedHoliday] = []
        for period in periods {
            let end = period.end ?? now
            let breakdown = calendar.segments(from: period.start, to: end)
            switch period.mode {
            case .running:
                counted += breakdown.segments
                holidays += breakdown.holidays
            case .paused:
                let ongoing = period.end == nil ? calendar.workingSeconds(from: countedUntil ?? now, to: now) : 0
                pauses.append(SLAClockExplanation.Pause(
                    start: period.start, end: period.end, workingSeconds: period.workingSeconds + ongoing,
                    holidays: breakdown.holidays
                ))
            }
        }
        if phase == .running, let dueAt, dueAt > now {
            let breakdown = calendar.segments(from: now, to: dueAt)
            ahead = breakdown.segments
            holidays += breakdown.holidays
        }
        return SLAClockExplanation(
            kind: kind, timeZoneID: calendar.timeZoneID, status: status(at: now, calendar: calendar), counted: counted,
            ahead: ahead, pauses: pauses, holidays: holidays
        )
    }
}
