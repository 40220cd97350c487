extension SearchQuery {
    /// The terms as an SQLite FTS5 `MATCH` expression, e.g. `("drucker" AND "aus"*) NOT "toner"`.
    ///
    /// Every word is double-quoted, prefixes become `"aus"*` and phrases `"drucker ausfall"`; required terms
    /// are joined with `AND`, excluded ones appended with `NOT`. Because FTS5's `NOT` needs a left operand,
    /// this is nil not only without terms but also when every term is excluded: the caller must then express
    /// the exclusion some other way (or search without full text).
    public func ftsMatchExpression() -> String? {
        let required = terms.filter { !$0.isNegated }.map(\.kind.fts5)
        guard !required.isEmpty else { return nil }
        let excluded = terms.filter(\.isNegated).map(\.kind.fts5)
        let requiredPart = required.count == 1 ? required[0] : "(" + required.joined(separator: " AND ") + ")"
        switch excluded.count {
        case 0: return required.joined(separator: " AND ")
        case 1: return requiredPart + " NOT " + excluded[0]
        default: return requiredPart + " NOT (" + excluded.joined(separator: " OR ") + ")"
        }
    }
}

extension SearchTerm.Kind {
    /// The FTS5 string for this term; words never contain `"`, so quoting them is enough.
    fileprivate var fts5: String {
        switch self {
        case .word(let word): "\"" + word + "\""
        case .prefix(let prefix): "\"" + prefix + "\"*"
        case .phrase(let words): "\"" + words.joined(separator: " ") + "\""
        }
    }
}
