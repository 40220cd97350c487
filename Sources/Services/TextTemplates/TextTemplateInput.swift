import Domain

/// A text template as administrators send it. On create, `name` and one text are needed; on change, absent
/// keys keep their value and `null` clears a text or the queue.
public struct TextTemplateInput: Sendable, Decodable {
    public var name: String?
    public var textDE: Change<String>?
    public var textEN: Change<String>?
    public var queueId: Change<Int64>?
    public var isActive: Bool?

    public init(name: String? = nil, textDE: Change<String>? = nil, textEN: Change<String>? = nil, queueId: Change<Int64>? = nil, isActive: Bool? = nil) {
        self.name = name
        self.textDE = textDE
        self.textEN = textEN
        self.queueId = queueId
        self.isActive = isActive
    }

    private enum CodingKeys: String, CodingKey { case name, textDE, textEN, queueId, isActive }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        textDE = try c.decodeChange(String.self, forKey: .textDE)
        textEN = try c.decodeChange(String.self, forKey: .textEN)
        queueId = try c.decodeChange(Int64.self, forKey: .queueId)
        isActive = try c.decodeIfPresent(Bool.self, forKey: .isActive)
    }
}
