/// A day of the week, Monday first (ISO 8601). Encodes as its lowercase English name, also as a
/// dictionary key (`{"monday": [...]}`).
public enum Weekday: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    case monday
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    /// 0 for Monday … 6 for Sunday.
    public var index: Int {
        switch self {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        case .saturday: 5
        case .sunday: 6
        }
    }

    /// Monday to Friday.
    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// The weekday with `index` 0 (Monday) … 6 (Sunday), taken modulo 7.
    public init(index: Int) {
        self = Self.allCases[((index % 7) + 7) % 7]
    }

    /// The weekday of the day `days` days after 1970-01-01, which was a Thursday.
    public init(daysSinceEpoch days: Int) {
        self.init(index: days + 3)
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
