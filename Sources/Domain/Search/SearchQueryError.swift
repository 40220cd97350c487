/// Why `SearchQuery.parse` refused a query; `message` tells the user in English.
public enum SearchQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The query has more characters than allowed.
    case tooLong(maximum: Int)
    /// The query has more words, prefixes and phrases than allowed.
    case tooManyTerms(maximum: Int)
    /// The query has more `key:value` filters than allowed.
    case tooManyFilters(maximum: Int)
    /// A word has more characters than allowed.
    case wordTooLong(maximum: Int)

    /// A sentence for the user.
    public var message: String {
        switch self {
        case .tooLong(let maximum): "A search may be at most \(maximum) characters long."
        case .tooManyTerms(let maximum): "A search may contain at most \(maximum) words or phrases."
        case .tooManyFilters(let maximum): "A search may contain at most \(maximum) filters."
        case .wordTooLong(let maximum): "A search word may be at most \(maximum) characters long."
        }
    }

    public var description: String { message }

    /// The problem as a coded issue of the query input `field`, so that pages say it in the reader's language.
    public func issue(field: String) -> FieldIssue {
        switch self {
        case .tooLong(let maximum), .wordTooLong(let maximum): FieldIssue(field: field, .tooLong(max: maximum), detail: message)
        case .tooManyTerms(let maximum), .tooManyFilters(let maximum): FieldIssue(field: field, .tooMany(max: maximum), detail: message)
        }
    }
}
