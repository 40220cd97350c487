import Domain
import Foundation
import Testing
@testable import Web

@Suite("Validation texts")
struct ValidationTextsTests {
    @Test("every field issue code has a German and an English text with the code's placeholders")
    func everyCodeIsTranslated() throws {
        let translations = try Translations.bundled()
        let placeholder = try Regex(#"\{[a-z]+\}"#)
        for language in UILanguage.allCases {
            let catalog = translations.catalog(language)
            for name in FieldIssue.Code.Name.allCases {
                let key = "validation." + name.rawValue
                let text = try #require(catalog[key], "\(key) in \(language.rawValue)")
                let english = FieldIssue.Code.englishTemplate(name)
                let needed = Set(english.matches(of: placeholder).map { String(english[$0.range]) })
                let present = Set(text.matches(of: placeholder).map { String(text[$0.range]) })
                #expect(present == needed, "\(key) in \(language.rawValue) fills in \(needed.sorted())")
            }
        }
    }

    @Test("an issue reads by its code in the page's language, parameters filled in; one without a code keeps its message")
    func issuesReadInTheLanguage() throws {
        let translations = try Translations.bundled()
        let name = FieldIssue(field: "name", .length(min: 1, max: 200))
        #expect(name.message == "Needs 1 to 200 characters.")
        #expect(translations.text(of: name, in: .de) == "Bitte geben Sie 1 bis 200 Zeichen ein.")
        #expect(translations.text(of: name, in: .en) == "Please enter 1 to 200 characters.")
        let date = FieldIssue(field: "pendingUntil", .invalidDate(example: "2026-11-30T09:00"))
        #expect(translations.text(of: date, in: .de) == "Bitte geben Sie ein gültiges Datum ein, z. B. 2026-11-30T09:00.")
        let special = FieldIssue(field: "isActive", message: "You cannot deactivate your own account.")
        #expect(translations.text(of: special, in: .de) == "You cannot deactivate your own account.")
    }
}
