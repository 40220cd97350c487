import Domain
import Foundation
import Testing

@Suite struct FieldValidationTests {
    private func field(
        _ type: FieldType, required: Bool = false, regex: String? = nil, options: [String] = [],
        minimum: Double? = nil, maximum: Double? = nil
    ) -> FieldDefinition {
        FieldDefinition(
            name: "feld", label: "Feld", object: .ticket, type: type, isRequired: required, regex: regex,
            options: options, minimum: minimum, maximum: maximum
        )
    }

    private func accepts(_ definition: FieldDefinition, _ input: FieldInput) -> FieldValue? {
        try? definition.validate(input).get()
    }

    private func rejection(_ definition: FieldDefinition, _ input: FieldInput) -> String? {
        guard case .failure(let issue) = definition.validate(input) else { return nil }
        #expect(issue.field == "feld")
        return issue.message
    }

    // MARK: Empty values

    @Test(arguments: [FieldInput.null, .string(""), .string("  \n"), .array([]), .array([.null, .string("")])])
    func emptyInputIsNoValue(input: FieldInput) {
        for type in FieldType.allCases {
            #expect(field(type, options: ["A"]).validate(input) == .success(nil))
            #expect(rejection(field(type, required: true, options: ["A"]), input) == "A value is required.")
        }
    }

    // MARK: Text

    @Test func textIsTakenAsIs() {
        #expect(accepts(field(.text), .string(" Raum 1.23 ")) == .text(" Raum 1.23 "))
        #expect(accepts(field(.text), .string("Spalte\tWert")) == .text("Spalte\tWert"))
        #expect(rejection(field(.text), .number(4)) == "Not in the expected form.")
        #expect(rejection(field(.text), .array([.string("a")])) == "Not in the expected form.")
    }

    @Test func textIsOneLineWithoutControlCharacters() {
        #expect(rejection(field(.text), .string("a\nb")) == "One line only, without control characters.")
        #expect(rejection(field(.text), .string("a\rb")) == "One line only, without control characters.")
        #expect(rejection(field(.text), .string("a\u{0}b")) == "One line only, without control characters.")
        #expect(accepts(field(.textarea), .string("a\r\nb\n\tc")) == .text("a\r\nb\n\tc"))
        #expect(rejection(field(.textarea), .string("a\u{1B}b")) == "One line only, without control characters.")
    }

    @Test func textLengthIsLimited() {
        #expect(accepts(field(.text), .string(String(repeating: "ä", count: 10_000))) != nil)
        #expect(rejection(field(.text), .string(String(repeating: "ä", count: 10_001)))
            == "At most 10000 characters.")
        #expect(accepts(field(.textarea), .string(String(repeating: "ä", count: 100_000))) != nil)
        #expect(rejection(field(.textarea), .string(String(repeating: "ä", count: 100_001)))
            == "At most 100000 characters.")
    }

    @Test func patternMustMatchTheWholeText() {
        let room = field(.text, regex: "[A-Z]{2}-\\d{4}")
        #expect(accepts(room, .string("AB-1234")) == .text("AB-1234"))
        #expect(rejection(room, .string("xAB-1234")) == "Not in the expected form.")
        #expect(rejection(room, .string("AB-12345")) == "Not in the expected form.")
        #expect(rejection(field(.textarea, regex: "[A-Z]{2}-\\d{4}"), .string("AB-1234\n"))
            == "Not in the expected form.")
        #expect(accepts(field(.text, regex: "a|ab"), .string("ab")) == .text("ab"))
    }

    @Test func brokenPatternRejectsWithoutCrashing() {
        #expect(rejection(field(.text, regex: "[a-z"), .string("abc"))
            == "The field's pattern is invalid; an administrator must correct it.")
    }

    // MARK: Numbers

    @Test(arguments: [
        (FieldInput.number(42), 42.0), (.number(-0.25), -0.25), (.string(" -3.5 "), -3.5), (.string("1e3"), 1000),
        (.string(".5"), 0.5), (.string("5."), 5), (.string("+7"), 7), (.string("2.5E-1"), 0.25),
    ])
    func numbersAreAccepted(input: FieldInput, expected: Double) {
        #expect(accepts(field(.number), input) == .number(expected))
    }

    @Test(arguments: [
        FieldInput.string("abc"), .string("0x10"), .string("inf"), .string("nan"), .string("1,5"), .string("1e"),
        .string("."), .string("1 000"), .bool(true), .array([.number(1)]),
    ])
    func nonNumbersAreRejected(input: FieldInput) {
        #expect(rejection(field(.number), input) == "Enter a number.")
    }

    @Test(arguments: [FieldInput.number(.nan), .number(.infinity), .number(-.infinity), .string("1e400")])
    func nonFiniteNumbersAreRejected(input: FieldInput) {
        #expect(rejection(field(.number), input) == "Enter a number.")
    }

    @Test func numbersRespectBounds() {
        let percent = field(.number, minimum: 0, maximum: 100)
        #expect(accepts(percent, .number(0)) == .number(0))
        #expect(accepts(percent, .number(100)) == .number(100))
        #expect(rejection(percent, .number(-1)) == "At least 0.")
        #expect(rejection(percent, .string("100.5")) == "At most 100.")
        #expect(rejection(field(.number, minimum: 0.5), .number(0.25)) == "At least 0.5.")
    }

    // MARK: Dates and instants

    @Test func datesMustExist() {
        #expect(accepts(field(.date), .string("2024-02-29")) == .date("2024-02-29"))
        #expect(accepts(field(.date), .string(" 2026-11-27 ")) == .date("2026-11-27"))
        for text in ["2025-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "0000-01-01", "2026-1-5",
                     "27.11.2026", "2026-11-27T10:00:00Z", "2026/11/27"] {
            #expect(rejection(field(.date), .string(text)) == "Enter a real date, such as 2026-11-27.")
        }
        #expect(rejection(field(.date), .number(20_261_127)) != nil)
    }

    @Test func datetimesNeedAnOffset() {
        // 2026-11-27 is 20,784 days after 1970-01-01; 13:05 UTC adds 47,100 seconds.
        let instant = Date(timeIntervalSince1970: 20_784 * 86_400 + 47_100)
        #expect(accepts(field(.datetime), .string("2026-11-27T14:05:00+01:00")) == .datetime(instant))
        #expect(accepts(field(.datetime), .string("2026-11-27T13:05:00Z")) == .datetime(instant))
        #expect(accepts(field(.datetime), .string("2026-11-27t08:35:00-04:30")) == .datetime(instant))
        #expect(accepts(field(.datetime), .string("2026-11-27T13:05:00.25z"))
            == .datetime(instant.addingTimeInterval(0.25)))
        #expect(accepts(field(.datetime), .string("0001-01-01T00:00:00Z")) == .datetime(Date(timeIntervalSince1970: -62_135_596_800)))
    }

    @Test(arguments: [
        "2026-11-27T14:05:00", "2026-11-27 14:05:00Z", "2026-02-30T10:00:00Z", "2026-11-27T24:00:00Z",
        "2026-11-27T14:60:00Z", "2026-11-27T14:05:60Z", "2026-11-27T14:05:00+01", "2026-11-27T14:05:00+0100",
        "2026-11-27T14:05Z", "2026-11-27T14:05:00.Z", "2026-11-27T14:05:00.1234567890Z", "0001-01-01T00:00:00+01:00",
        "2026-11-27T14:05:00+24:00", "gestern",
    ])
    func malformedDatetimesAreRejected(text: String) {
        #expect(rejection(field(.datetime), .string(text))
            == "Enter a real date, such as 2026-11-27T14:05:00+01:00.")
    }

    // MARK: Choices

    @Test func selectTakesExactlyOneOption() {
        let category = field(.select, options: ["Hardware", "Software"])
        #expect(accepts(category, .string("Software")) == .selection("Software"))
        #expect(rejection(category, .string("software")) == "Choose one of the offered values.")
        #expect(rejection(category, .string("Netz")) == "Choose one of the offered values.")
        #expect(rejection(category, .array([.string("Software")])) == "Choose one of the offered values.")
    }

    @Test func multiselectTakesDistinctOptionsInDefinitionOrder() {
        let categories = field(.multiselect, options: ["Hardware", "Software", "Netz"])
        #expect(accepts(categories, .array([.string("Netz"), .string("Hardware")])) == .selections(["Hardware", "Netz"]))
        #expect(accepts(categories, .string("Software")) == .selections(["Software"]))
        #expect(accepts(categories, .array([.string(""), .string("Netz")])) == .selections(["Netz"]))
        #expect(rejection(categories, .array([.string("Netz"), .string("Netz")])) == "Listed more than once.")
        #expect(rejection(categories, .array([.string("Telefon")])) == "Choose one of the offered values.")
        #expect(rejection(categories, .array([.number(1)])) == "Choose one of the offered values.")
    }

    @Test func checkboxTakesBooleansAndTheirWords() {
        #expect(accepts(field(.checkbox), .bool(true)) == .checkbox(true))
        #expect(accepts(field(.checkbox), .bool(false)) == .checkbox(false))
        #expect(accepts(field(.checkbox), .string("1")) == .checkbox(true))
        #expect(accepts(field(.checkbox), .string(" TRUE ")) == .checkbox(true))
        #expect(accepts(field(.checkbox), .string("0")) == .checkbox(false))
        #expect(accepts(field(.checkbox), .string("false")) == .checkbox(false))
        #expect(rejection(field(.checkbox), .string("ja")) == "Choose one of the offered values.")
        #expect(rejection(field(.checkbox), .number(1)) == "Choose one of the offered values.")
    }

    @Test func requiredCheckboxMustBeTicked() {
        #expect(accepts(field(.checkbox, required: true), .string("true")) == .checkbox(true))
        #expect(rejection(field(.checkbox, required: true), .bool(false)) == "A value is required.")
    }

    // MARK: References

    @Test func referencesArePositiveWholeNumbers() {
        #expect(accepts(field(.contactReference), .number(42)) == .reference(42))
        #expect(accepts(field(.userReference), .string(" 7 ")) == .reference(7))
        #expect(accepts(field(.configItemReference), .string("9223372036854775807")) == .reference(.max))
        for input in [FieldInput.number(0), .number(-1), .number(1.5), .number(1e19), .string("0"), .string("-3"),
                      .string("4a"), .string("9223372036854775808"), .bool(true)] {
            #expect(rejection(field(.contactReference), input) == "Enter a number.")
        }
        #expect(rejection(field(.configItemReference), .number(0))
            == "Enter a number.")
    }
}
