/// A holiday placed in a year: the date and the name of the rule that put it there.
public struct Holiday: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}
