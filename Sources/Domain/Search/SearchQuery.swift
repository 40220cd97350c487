/// A parsed ticket search: full-text terms plus attribute filters, all of which must hold.
///
/// The syntax, one whitespace-separated token at a time:
/// - `drucker` a word; `druck*` a prefix; `"drucker ausfall"` a phrase;
/// - `key:value` or `key:"value with spaces"` a filter, for the keys `queue`, `state`, `statetype`, `priority`,
///   `type`, `owner`, `responsible`, `customer`, `organisation` (or `org`), `number`, `service`, `created` and
///   `field.NAME` (any case); any other `key:value` is searched as plain words;
/// - a leading `-` excludes instead of requires.
///
/// Words are lowercased and split at every character that is neither a letter nor a digit, so
/// `Drucker-Ausfall` searches for `drucker` and `ausfall`. Malformed input never fails: an unclosed quote runs
/// to the end, a lone `-` and an empty filter value are ignored. Only the limits below make `parse` throw.
public struct SearchQuery: Sendable, Equatable {
    /// The longest query text, in characters.
    public static let maximumLength = 1000
    /// The most terms (words, prefixes and phrases) a query may hold.
    public static let maximumTerms = 32
    /// The most filters a query may hold.
    public static let maximumFilters = 16
    /// The longest word, in characters.
    public static let maximumWordLength = 200

    public var terms: [SearchTerm]
    public var filters: [SearchFilter]

    public init(terms: [SearchTerm] = [], filters: [SearchFilter] = []) {
        self.terms = terms
        self.filters = filters
    }

    /// Whether the query has neither terms nor filters (and so matches every ticket).
    public var isEmpty: Bool { terms.isEmpty && filters.isEmpty }

    /// Parses what a user typed into the search box.
    public static func parse(_ text: String) throws(SearchQueryError) -> SearchQuery {
        guard text.count <= maximumLength else { throw .tooLong(maximum: maximumLength) }
        var parser = SearchQueryParser(text)
        let query = try parser.parse()
        guard query.terms.count <= maximumTerms else { throw .tooManyTerms(maximum: maximumTerms) }
        guard query.filters.count <= maximumFilters else { throw .tooManyFilters(maximum: maximumFilters) }
        return query
    }
}
