import Domain
import Foundation
import Testing

@Suite struct FieldDefinitionTests {
    private func definition(
        _ type: FieldType, name: String = "feld", label: String = "Feld", regex: String? = nil, options: [String] = [],
        minimum: Double? = nil, maximum: Double? = nil
    ) -> FieldDefinition {
        FieldDefinition(
            name: name, label: label, object: .ticket, type: type, regex: regex, options: options,
            minimum: minimum, maximum: maximum
        )
    }

    @Test func soundDefinitionsHaveNoIssues() {
        #expect(definition(.text, regex: "[A-Z]{2}-\\d{4}").validateDefinition().isEmpty)
        #expect(definition(.select, options: ["Hardware", "Software"]).validateDefinition().isEmpty)
        #expect(definition(.number, minimum: 0, maximum: 0).validateDefinition().isEmpty)
        #expect(definition(.userReference).validateDefinition().isEmpty)
    }

    @Test(arguments: [
        ("kostenstelle", true), ("raum_nr2", true), ("a", true), (String(repeating: "a", count: 63), true),
        (String(repeating: "a", count: 64), false), ("", false), ("Kostenstelle", false), ("1raum", false),
        ("_raum", false), ("raum-nr", false), ("raum nr", false), ("räume", false),
    ])
    func machineNames(name: String, isValid: Bool) {
        #expect(FieldDefinition.isValidName(name) == isValid)
        let issues = definition(.text, name: name).validateDefinition()
        #expect(issues.map(\.field) == (isValid ? [] : ["name"]))
    }

    @Test func labelMustBeGiven() {
        #expect(definition(.text, label: "  ").validateDefinition()
            == [FieldIssue(field: "label", .required)])
        #expect(definition(.text, label: String(repeating: "x", count: 201)).validateDefinition().map(\.field) == ["label"])
    }

    @Test func selectionsNeedDistinctNonEmptyOptions() {
        #expect(definition(.multiselect).validateDefinition()
            == [FieldIssue(field: "options", .required)])
        #expect(definition(.select, options: ["A", "B", "A", "A", "B"]).validateDefinition() == [
            FieldIssue(field: "options", .duplicate),
            FieldIssue(field: "options", .duplicate),
        ])
        #expect(definition(.select, options: ["A", " "]).validateDefinition()
            == [FieldIssue(field: "options", .required)])
    }

    @Test func onlySelectionsTakeOptions() {
        #expect(definition(.text, options: ["A"]).validateDefinition()
            == [FieldIssue(field: "options", .notAllowed)])
    }

    @Test func patternsMustCompileAndSuitTheType() {
        #expect(definition(.number, regex: "\\d+").validateDefinition()
            == [FieldIssue(field: "regex", .notAllowed)])
        #expect(definition(.text, regex: "[a-z").validateDefinition()
            == [FieldIssue(field: "regex", .invalidPattern)])
        // A trailing backslash would escape the closing anchor group.
        #expect(definition(.textarea, regex: "abc\\").validateDefinition().map(\.field) == ["regex"])
        #expect(definition(.text, regex: "").validateDefinition().map(\.field) == ["regex"])
        #expect(definition(.text, regex: String(repeating: "a", count: 1001)).validateDefinition().map(\.field) == ["regex"])
    }

    @Test func boundsAreForNumbersAndOrdered() {
        #expect(definition(.text, minimum: 1).validateDefinition()
            == [FieldIssue(field: "minimum", .notAllowed)])
        #expect(definition(.number, minimum: 10, maximum: 5).validateDefinition()
            == [FieldIssue(field: "maximum", .endBeforeStart, detail: "The maximum must not be less than the minimum.")])
        #expect(definition(.number, maximum: .infinity).validateDefinition()
            == [FieldIssue(field: "maximum", .invalidNumber, detail: "The maximum must be a finite number.")])
    }

    @Test func reportsEveryIssue() {
        let issues = definition(.checkbox, name: "X", label: "", regex: "x", options: ["a"], minimum: 1)
            .validateDefinition()
        #expect(issues.map(\.field) == ["name", "label", "regex", "options", "minimum"])
    }

    @Test func encodesRequiredUnderItsAPIName() throws {
        let field = FieldDefinition(
            id: 7, name: "raum", label: "Raum", object: .configItem, type: .text, isRequired: true, customerVisible: true
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(field), as: UTF8.self)
        #expect(json == #"{"customerVisible":true,"id":7,"label":"Raum","name":"raum","object":"configItem","options":[],"required":true,"type":"text"}"#)
        #expect(try JSONDecoder().decode(FieldDefinition.self, from: Data(json.utf8)) == field)
    }
}
