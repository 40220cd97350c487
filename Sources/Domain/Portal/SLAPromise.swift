import Foundation

/// What a requester is promised, in plain words, from a ticket's SLA clocks: the reply while the first response
/// is due ("Antwort bis Di 10:30"), else the solution ("Lösung bis Do 15:00"); nothing while clocks are paused,
/// met or without target. Times are shown in the time zone of the ticket's calendar.
public struct SLAPromise: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case reply
        case solution
    }

    public var kind: Kind
    public var dueAt: Date
    public var text: String

    /// The promise of `clocks`, or nil when there is none to make.
    public init?(clocks: TicketSLAClocks, timeZoneID: String, language: String) {
        let first = clocks.firstResponse
        let solution = clocks.solution
        if first.phase == .running, let due = first.dueAt {
            kind = .reply
            dueAt = due
        } else if solution.phase == .running, let due = solution.dueAt {
            kind = .solution
            dueAt = due
        } else {
            return nil
        }
        text = Self.words(kind, dueAt, timeZone: TimeZone(identifier: timeZoneID) ?? .gmt, language: language)
    }

    /// "Antwort bis Di 10:30" or "Reply by Tue 10:30".
    static func words(_ kind: Kind, _ due: Date, timeZone: TimeZone, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: due)
        let english = language == "en"
        let days = english ? ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] : ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"]
        let day = days[((parts.weekday ?? 1) - 1) % 7]
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let lead = switch (kind, english) {
        case (.reply, false): "Antwort bis"
        case (.reply, true): "Reply by"
        case (.solution, false): "Lösung bis"
        case (.solution, true): "Solution by"
        }
        return "\(lead) \(day) \(time)"
    }
}
