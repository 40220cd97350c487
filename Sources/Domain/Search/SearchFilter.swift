/// A `key:value` condition of a `SearchQuery` on a ticket attribute, such as `queue:Drucker` or
/// `-state:closed`.
///
/// `value` is the text as typed (quotes removed, surrounding white space trimmed, never empty); resolving it
/// to an id, a state type or a date range is up to the search implementation.
public struct SearchFilter: Sendable, Hashable {
    public var field: SearchField
    public var value: String
    /// Whether tickets that match are excluded instead of required (typed with a leading `-`).
    public var isNegated: Bool

    public init(field: SearchField, value: String, isNegated: Bool = false) {
        self.field = field
        self.value = value
        self.isNegated = isNegated
    }
}
