extension SearchQuery {
    /// The required terms joined by "or", the last word as a prefix (it may be half typed): an FTS5 expression
    /// such as `"drucker" OR "toner"*`, ranked by how many terms a document matches. Nil without such terms.
    public func ftsAnyTermExpression() -> String? {
        anyTerms(word: { "\"" + $0 + "\"" }, prefix: { "\"" + $0 + "\"*" }, phrase: { "\"" + $0.joined(separator: " ") + "\"" }, or: " OR ")
    }

    /// The same as a PostgreSQL `to_tsquery` string, such as `drucker | toner:*`.
    public func tsQueryAnyTermExpression() -> String? {
        anyTerms(word: { $0 }, prefix: { $0 + ":*" }, phrase: { "(" + $0.joined(separator: " <-> ") + ")" }, or: " | ")
    }

    private func anyTerms(word: (String) -> String, prefix: (String) -> String, phrase: ([String]) -> String, or: String) -> String? {
        let required = terms.filter { !$0.isNegated }
        guard !required.isEmpty else { return nil }
        return required.enumerated().map { index, term in
            switch term.kind {
            case .word(let text): index == required.count - 1 ? prefix(text) : word(text)
            case .prefix(let text): prefix(text)
            case .phrase(let words): phrase(words)
            }
        }.joined(separator: or)
    }
}
