import Foundation

/// Turns query text into a `SearchQuery`; see `SearchQuery` for the syntax.
struct SearchQueryParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var query = SearchQuery()

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws(SearchQueryError) -> SearchQuery {
        while true {
            while position < scalars.count, Self.isSeparator(scalars[position]) { position += 1 }
            guard position < scalars.count else { return query }

            var isNegated = false
            if scalars[position] == "-" {
                isNegated = true
                position += 1
                guard position < scalars.count, !Self.isSeparator(scalars[position]) else { continue }
            }
            if scalars[position] == "\"" {
                try addPhrase(readQuoted(), isNegated: isNegated)
            } else {
                try addToken(readToken(), isNegated: isNegated)
            }
        }
    }

    /// The text after an opening quote up to the closing one (or the end), consuming both quotes.
    private mutating func readQuoted() -> String {
        position += 1
        let start = position
        while position < scalars.count, scalars[position] != "\"" { position += 1 }
        let content = String(String.UnicodeScalarView(scalars[start..<position]))
        if position < scalars.count { position += 1 }
        return content
    }

    /// The text up to the next separator outside quotes.
    private mutating func readToken() -> String {
        let start = position
        var isInQuotes = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\"" {
                isInQuotes.toggle()
            } else if !isInQuotes, Self.isSeparator(scalar) {
                break
            }
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private mutating func addPhrase(_ text: String, isNegated: Bool) throws(SearchQueryError) {
        let words = try Self.words(in: text)
        switch words.count {
        case 0: break
        case 1: query.terms.append(SearchTerm(.word(words[0]), isNegated: isNegated))
        default: query.terms.append(SearchTerm(.phrase(words), isNegated: isNegated))
        }
    }

    private mutating func addToken(_ token: String, isNegated: Bool) throws(SearchQueryError) {
        if let colon = token.firstIndex(of: ":"), let field = SearchField(key: token[..<colon]) {
            let value = token[token.index(after: colon)...]
                .unicodeScalars.filter { $0 != "\"" && $0.properties.generalCategory != .control }
            let trimmed = String(String.UnicodeScalarView(value)).precomposedStringWithCanonicalMapping
                .trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                query.filters.append(SearchFilter(field: field, value: trimmed, isNegated: isNegated))
            }
            return
        }

        let words = try Self.words(in: token)
        guard let last = words.last else { return }
        if isNegated, words.count > 1 {
            // `-drucker-ausfall` excludes that compound, not every ticket mentioning either half.
            query.terms.append(SearchTerm(.phrase(words), isNegated: true))
            return
        }
        for word in words.dropLast() {
            query.terms.append(SearchTerm(.word(word), isNegated: isNegated))
        }
        let isPrefix = token.unicodeScalars.last == "*"
        query.terms.append(SearchTerm(isPrefix ? .prefix(last) : .word(last), isNegated: isNegated))
    }

    /// The lowercased, NFC-normalised runs of letters, marks and digits in `text` that hold at least one
    /// letter or digit.
    private static func words(in text: String) throws(SearchQueryError) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var hasLetterOrDigit = false

        func finishWord() throws(SearchQueryError) {
            defer {
                current = String.UnicodeScalarView()
                hasLetterOrDigit = false
            }
            guard hasLetterOrDigit else { return }
            let word = String(current)
            guard word.count <= SearchQuery.maximumWordLength else {
                throw .wordTooLong(maximum: SearchQuery.maximumWordLength)
            }
            words.append(word)
        }

        for scalar in text.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
                hasLetterOrDigit = true
            case .nonspacingMark, .spacingMark, .enclosingMark:
                current.append(scalar)
            default:
                try finishWord()
            }
        }
        try finishWord()
        return words
    }

    /// White space and control characters separate tokens.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }
}
