/// One full-text condition of a `SearchQuery`: a word, a word prefix or a phrase, required or excluded.
///
/// Words hold only lowercase letters, combining marks and digits, so they are safe to embed in any
/// full-text query syntax.
public struct SearchTerm: Sendable, Hashable {
    /// What a term matches.
    public enum Kind: Sendable, Hashable {
        /// The whole word.
        case word(String)
        /// Any word that starts with these characters (typed as `druck*`).
        case prefix(String)
        /// At least two words next to each other in this order (typed as `"drucker ausfall"`).
        case phrase([String])
    }

    public var kind: Kind
    /// Whether tickets that match are excluded instead of required (typed with a leading `-`).
    public var isNegated: Bool

    public init(_ kind: Kind, isNegated: Bool = false) {
        self.kind = kind
        self.isNegated = isNegated
    }
}
