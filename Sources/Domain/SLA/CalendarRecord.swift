/// A business calendar as administrators keep it: the calendar itself plus its id and whether it may still
/// be chosen for SLAs and queues.
///
/// Encodes flat, the calendar's keys beside `id`, `comment` and `isActive`:
/// `{"id": 1, "name": "Sachsen", "timeZoneID": "Europe/Berlin", "weeklyHours": {…}, "holidays": […], "isActive": true}`.
public struct CalendarRecord: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var calendar: BusinessCalendar
    public var comment: String?
    public var isActive: Bool

    public init(id: Int64, calendar: BusinessCalendar, comment: String? = nil, isActive: Bool = true) {
        self.id = id
        self.calendar = calendar
        self.comment = comment
        self.isActive = isActive
    }

    private enum CodingKeys: String, CodingKey {
        case id, comment, isActive
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id) ?? 0
        calendar = try BusinessCalendar(from: decoder)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        isActive = try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
    }

    public func encode(to encoder: any Encoder) throws {
        try calendar.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(comment, forKey: .comment)
        try container.encode(isActive, forKey: .isActive)
    }
}
