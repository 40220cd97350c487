import Foundation
import Testing
@testable import Web

@Suite("Interface texts")
struct TranslationsTests {
    @Test("German and English have the same texts")
    func catalogsMatch() throws {
        let translations = try Translations.bundled()
        let german = Set(translations.catalog(.de).keys)
        let english = Set(translations.catalog(.en).keys)
        #expect(german.subtracting(english).sorted() == [], "only in German")
        #expect(english.subtracting(german).sorted() == [], "only in English")
        #expect(german.count > 50)
    }

    @Test("every text a template uses exists")
    func templatesUseKnownTexts() throws {
        let known = Set(try Translations.bundled().catalog(.de).keys)
        let root = try PageRenderer.resourceRoot()
        let pattern = try Regex(#"\{\{[#^/]?t\.([A-Za-z0-9_.]+)\}\}"#)
        var missing: [String] = []
        let files = FileManager.default.enumerator(at: root.appendingPathComponent("templates"), includingPropertiesForKeys: nil)
        for case let file as URL in try #require(files) where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(text[match.output[1].range!])
                if !known.contains(key) { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing == [])
    }

    @Test("the language is the user's, then the visitor's cookie, then Accept-Language, then German")
    func negotiation() {
        #expect(UILanguage.negotiate(saved: "en", cookie: "de", acceptLanguage: "de") == .en)
        #expect(UILanguage.negotiate(saved: nil, cookie: "en", acceptLanguage: "de") == .en)
        #expect(UILanguage.negotiate(saved: nil, cookie: nil, acceptLanguage: "fr-FR, en-GB;q=0.8, de;q=0.5") == .en)
        #expect(UILanguage.negotiate(saved: nil, cookie: nil, acceptLanguage: "en;q=0.2, de-AT;q=0.9") == .de)
        #expect(UILanguage.negotiate(saved: nil, cookie: nil, acceptLanguage: "fr, it") == .de)
        #expect(UILanguage.negotiate(saved: nil, cookie: "xx", acceptLanguage: nil) == .de)
    }
}
