extension SearchQuery {
    /// The terms as a PostgreSQL `to_tsquery` string, e.g. `drucker & aus:* & (kein <-> toner) & !papier`;
    /// nil when there are no terms.
    ///
    /// Words consist of letters, marks and digits only, so none of `to_tsquery`'s operators can appear in
    /// them. Unlike `ftsMatchExpression()`, a query of excluded terms only is expressible here (`!papier`).
    public func tsQueryExpression() -> String? {
        guard !terms.isEmpty else { return nil }
        return terms.map { term in
            let operand: String = switch term.kind {
            case .word(let word): word
            case .prefix(let prefix): prefix + ":*"
            case .phrase(let words): "(" + words.joined(separator: " <-> ") + ")"
            }
            return term.isNegated ? "!" + operand : operand
        }.joined(separator: " & ")
    }
}
