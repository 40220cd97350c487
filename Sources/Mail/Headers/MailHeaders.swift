/// The header fields of a message or MIME part, in their original order, with lookup by name ignoring case.
public struct MailHeaders: Sendable, Hashable, RandomAccessCollection {
    /// All fields in the order they were written.
    public let fields: [MailHeader]

    public init(_ fields: [MailHeader] = []) {
        self.fields = fields
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> MailHeader { fields[position] }

    /// The decoded value of the first field called `name`, or nil.
    public subscript(name: String) -> String? { first(named: name)?.value }

    /// The first field called `name`, or nil.
    public func first(named name: String) -> MailHeader? {
        fields.first { $0.isNamed(name) }
    }

    /// Every field called `name`, in order.
    public func all(named name: String) -> [MailHeader] {
        fields.filter { $0.isNamed(name) }
    }

    /// The decoded values of every field called `name`, in order.
    public func values(named name: String) -> [String] {
        all(named: name).map(\.value)
    }

    /// The raw (unfolded, not decoded) value of the first field called `name`, or nil.
    public func rawValue(named name: String) -> String? {
        first(named: name)?.rawValue
    }

    /// Whether there is a field called `name`.
    public func contains(_ name: String) -> Bool {
        first(named: name) != nil
    }
}
