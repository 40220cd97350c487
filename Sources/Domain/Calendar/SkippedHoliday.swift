/// A holiday that removed working time from an interval: its date, name, and the working seconds the
/// weekly hours would have given within the interval that day.
public struct SkippedHoliday: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var name: String
    public var skippedSeconds: Int

    public init(date: LocalDate, name: String, skippedSeconds: Int) {
        self.date = date
        self.name = name
        self.skippedSeconds = skippedSeconds
    }
}
