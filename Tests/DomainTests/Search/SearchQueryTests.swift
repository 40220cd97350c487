import Domain
import Testing

@Suite struct SearchQueryTests {
    private func word(_ text: String, negated: Bool = false) -> SearchTerm {
        SearchTerm(.word(text), isNegated: negated)
    }

    // MARK: Terms

    @Test(arguments: ["", "   ", " \t\n "])
    func blankInputIsEmpty(text: String) throws {
        let query = try SearchQuery.parse(text)
        #expect(query.isEmpty)
        #expect(query == SearchQuery())
    }

    @Test func wordsAreLowercased() throws {
        #expect(try SearchQuery.parse("Drucker  AUSFALL").terms == [word("drucker"), word("ausfall")])
    }

    @Test func trailingStarMakesAPrefix() throws {
        #expect(try SearchQuery.parse("druck* toner").terms == [SearchTerm(.prefix("druck")), word("toner")])
        #expect(try SearchQuery.parse("druck**").terms == [SearchTerm(.prefix("druck"))])
    }

    @Test func quotesMakeAPhrase() throws {
        #expect(try SearchQuery.parse("\"Drucker kaputt\" toner").terms
            == [SearchTerm(.phrase(["drucker", "kaputt"])), word("toner")])
    }

    @Test func oneWordInQuotesIsAWord() throws {
        #expect(try SearchQuery.parse("\"Drucker*\"").terms == [word("drucker")])
    }

    @Test func leadingMinusNegates() throws {
        #expect(try SearchQuery.parse("drucker -toner -\"kein papier\"").terms == [
            word("drucker"), word("toner", negated: true), SearchTerm(.phrase(["kein", "papier"]), isNegated: true),
        ])
        #expect(try SearchQuery.parse("-druck*").terms == [SearchTerm(.prefix("druck"), isNegated: true)])
    }

    @Test func punctuationSplitsWords() throws {
        #expect(try SearchQuery.parse("Drucker-Ausfall").terms == [word("drucker"), word("ausfall")])
        #expect(try SearchQuery.parse("max.mustermann@stadt.de").terms
            == ["max", "mustermann", "stadt", "de"].map { word($0) })
    }

    @Test func negatedCompoundExcludesTheCompoundOnly() throws {
        #expect(try SearchQuery.parse("-Drucker-Ausfall").terms
            == [SearchTerm(.phrase(["drucker", "ausfall"]), isNegated: true)])
    }

    @Test func keepsUmlautsAndOtherScripts() throws {
        #expect(try SearchQuery.parse("Überprüfung STRAẞE Öl 打印机 Ελλάδα").terms
            == ["überprüfung", "straße", "öl", "打印机", "ελλάδα"].map { word($0) })
    }

    @Test func composesDecomposedCharacters() throws {
        let terms = try SearchQuery.parse("Mu\u{308}ller").terms
        guard case .word(let word) = terms.first?.kind else {
            Issue.record("expected a word, got \(terms)")
            return
        }
        #expect(Array(word.unicodeScalars) == ["m", "\u{FC}", "l", "l", "e", "r"])
    }

    @Test func dropsSymbolsAndKeepsDigits() throws {
        #expect(try SearchQuery.parse("🔥Drucker 2026112701000012 c^2").terms
            == ["drucker", "2026112701000012", "c", "2"].map { word($0) })
    }

    @Test func controlCharactersSeparate() throws {
        #expect(try SearchQuery.parse("drucker\u{0}toner\u{7}papier").terms
            == ["drucker", "toner", "papier"].map { word($0) })
    }

    // MARK: Filters

    @Test func knownKeysMakeFilters() throws {
        let query = try SearchQuery.parse(
            "drucker queue:Support::Drucker state:\"in Bearbeitung\" -statetype:closed ORG:Stadtwerke "
                + "Organisation:Bauamt field.kostenstelle:4711 created:2026-01-01..2026-02-01 number:2026112701000012"
        )
        #expect(query.terms == [word("drucker")])
        #expect(query.filters == [
            SearchFilter(field: .queue, value: "Support::Drucker"),
            SearchFilter(field: .state, value: "in Bearbeitung"),
            SearchFilter(field: .stateType, value: "closed", isNegated: true),
            SearchFilter(field: .organisation, value: "Stadtwerke"),
            SearchFilter(field: .organisation, value: "Bauamt"),
            SearchFilter(field: .dynamic("kostenstelle"), value: "4711"),
            SearchFilter(field: .created, value: "2026-01-01..2026-02-01"),
            SearchFilter(field: .number, value: "2026112701000012"),
        ])
    }

    @Test(arguments: [
        ("priority:hoch", SearchField.priority), ("TYPE:Incident", .type), ("owner:mmeier", .owner),
        ("responsible:mmeier", .responsible), ("customer:a@b.de", .customer), ("service:Mail", .service),
        ("created:>2026-01-01", .created), ("Field.Raum_Nr:1", .dynamic("raum_nr")),
    ])
    func everyKeyIsRecognised(text: String, field: SearchField) throws {
        let query = try SearchQuery.parse(text)
        #expect(query.filters.map(\.field) == [field])
        #expect(query.terms.isEmpty)
    }

    @Test func filterValuesKeepTheirCase() throws {
        #expect(try SearchQuery.parse("customer:Max.Mustermann@Stadt.de").filters
            == [SearchFilter(field: .customer, value: "Max.Mustermann@Stadt.de")])
    }

    @Test func unknownKeysAreWords() throws {
        #expect(try SearchQuery.parse("subject:Drucker").terms == [word("subject"), word("drucker")])
        #expect(try SearchQuery.parse("https://intranet.stadt.de").terms
            == ["https", "intranet", "stadt", "de"].map { word($0) })
        #expect(try SearchQuery.parse("field.1raum:5").terms == ["field", "1raum", "5"].map { word($0) })
        #expect(try SearchQuery.parse("subject:Drucker").filters.isEmpty)
    }

    @Test func emptyFilterValuesAreIgnored() throws {
        let query = try SearchQuery.parse("queue: drucker state:\"\" owner:\"  \"")
        #expect(query.filters.isEmpty)
        #expect(query.terms == [word("drucker")])
    }

    // MARK: Malformed input

    @Test func unclosedQuoteRunsToTheEnd() throws {
        #expect(try SearchQuery.parse("toner \"Drucker kaputt").terms
            == [word("toner"), SearchTerm(.phrase(["drucker", "kaputt"]))])
        #expect(try SearchQuery.parse("queue:\"Service Desk").filters == [SearchFilter(field: .queue, value: "Service Desk")])
    }

    @Test func loneMinusIsIgnored() throws {
        #expect(try SearchQuery.parse("- drucker -").terms == [word("drucker")])
    }

    @Test(arguments: [
        ("'; DROP TABLE tickets;--", ["drop", "table", "tickets"]),
        ("\"", []),
        ("***", []),
        ("\"\"\"\"", []),
        ("field.:x", ["field", "x"]),
        ("(a OR b) NEAR/3 c^2", ["a", "or", "b", "near", "3", "c", "2"]),
        ("x\" OR 1=1 --", ["x", "or", "1", "1"]),
        ("<script>alert(1)</script>", ["script", "alert", "1", "script"]),
        ("a:* ^b {c} [d] 'e' \\f", ["a", "b", "c", "d", "e", "f"]),
        ("\u{202E}evil\u{200B}word\u{FEFF}", ["evil", "word"]),
    ])
    func hostileInputYieldsPlainWords(text: String, words: [String]) throws {
        let query = try SearchQuery.parse(text)
        let found: [String] = query.terms.flatMap { term -> [String] in
            switch term.kind {
            case .word(let word), .prefix(let word): [word]
            case .phrase(let words): words
            }
        }
        #expect(found == words)
        for word in found {
            #expect(word.unicodeScalars.allSatisfy { !$0.isASCII || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        }
    }

    // MARK: Limits

    @Test func limitsLength() throws {
        let longest = "queue:" + String(repeating: "x", count: 994)
        #expect(try SearchQuery.parse(longest).filters.count == 1)
        #expect(throws: SearchQueryError.tooLong(maximum: 1000)) { try SearchQuery.parse(longest + "x") }
    }

    @Test func limitsTerms() throws {
        let words = (1...32).map { "w\($0)" }
        #expect(try SearchQuery.parse(words.joined(separator: " ")).terms.count == 32)
        #expect(throws: SearchQueryError.tooManyTerms(maximum: 32)) {
            try SearchQuery.parse((words + ["w33"]).joined(separator: " "))
        }
    }

    @Test func limitsFilters() throws {
        let filters = (1...16).map { "queue:q\($0)" }
        #expect(try SearchQuery.parse(filters.joined(separator: " ")).filters.count == 16)
        #expect(throws: SearchQueryError.tooManyFilters(maximum: 16)) {
            try SearchQuery.parse((filters + ["state:x"]).joined(separator: " "))
        }
    }

    @Test func limitsWordLength() throws {
        #expect(try SearchQuery.parse(String(repeating: "ä", count: 200)).terms.count == 1)
        #expect(throws: SearchQueryError.wordTooLong(maximum: 200)) {
            try SearchQuery.parse("\"kurz " + String(repeating: "ä", count: 201) + "\"")
        }
    }

    @Test func errorsExplainThemselves() {
        #expect(SearchQueryError.tooLong(maximum: 1000).message == "A search may be at most 1000 characters long.")
        #expect(SearchQueryError.tooManyTerms(maximum: 32).description
            == "A search may contain at most 32 words or phrases.")
        #expect(SearchQueryError.tooManyFilters(maximum: 16).message == "A search may contain at most 16 filters.")
        #expect(SearchQueryError.wordTooLong(maximum: 200).message == "A search word may be at most 200 characters long.")
    }

    @Test func errorsAreCodedForPages() {
        let issue = SearchQueryError.tooManyFilters(maximum: 16).issue(field: "q")
        #expect(issue.field == "q" && issue.code == .tooMany(max: 16))
        #expect(issue.message == "A search may contain at most 16 filters.", "the API keeps the detailed English text")
        #expect(SearchQueryError.wordTooLong(maximum: 200).issue(field: "q").code == .tooLong(max: 200))
    }

    // MARK: Full-text expressions

    @Test func ftsJoinsRequiredTermsWithAnd() throws {
        #expect(try SearchQuery.parse("Drucker aus* \"kein Toner\"").ftsMatchExpression()
            == "\"drucker\" AND \"aus\"* AND \"kein toner\"")
        #expect(try SearchQuery.parse("drucker").ftsMatchExpression() == "\"drucker\"")
    }

    @Test func ftsExcludesWithNot() throws {
        #expect(try SearchQuery.parse("drucker -toner").ftsMatchExpression() == "\"drucker\" NOT \"toner\"")
        #expect(try SearchQuery.parse("-toner drucker aus* -\"kein papier\"").ftsMatchExpression()
            == "(\"drucker\" AND \"aus\"*) NOT (\"toner\" OR \"kein papier\")")
    }

    @Test(arguments: ["", "-toner", "-toner -papier", "queue:Drucker", "***"])
    func ftsIsNilWithoutRequiredTerms(text: String) throws {
        #expect(try SearchQuery.parse(text).ftsMatchExpression() == nil)
    }

    @Test func ftsOfHostileInputIsQuotedWords() throws {
        #expect(try SearchQuery.parse("'; DROP TABLE tickets;-- \"a\" OR NOT b*").ftsMatchExpression()
            == "\"drop\" AND \"table\" AND \"tickets\" AND \"a\" AND \"or\" AND \"not\" AND \"b\"*")
    }

    @Test func tsQueryJoinsAllTermsWithAnd() throws {
        #expect(try SearchQuery.parse("Wort wor* \"a b\" -x").tsQueryExpression() == "wort & wor:* & (a <-> b) & !x")
        #expect(try SearchQuery.parse("-Drucker-Ausfall -aus*").tsQueryExpression() == "!(drucker <-> ausfall) & !aus:*")
    }

    @Test func tsQueryExpressesExclusionsAlone() throws {
        #expect(try SearchQuery.parse("-toner").tsQueryExpression() == "!toner")
    }

    @Test func tsQueryIsNilWithoutTerms() throws {
        #expect(try SearchQuery.parse("queue:Drucker").tsQueryExpression() == nil)
    }

    @Test func tsQueryOfHostileInputHasNoOperatorsInWords() throws {
        #expect(try SearchQuery.parse("x'):* | !y <-> z&&").tsQueryExpression() == "x:* & y & z")
    }
}
