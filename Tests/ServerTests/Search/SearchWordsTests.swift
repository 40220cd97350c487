import Store
import Testing

@Suite("Search words")
struct SearchWordsTests {
    @Test("everything but letters and digits separates words, in plain ASCII as beyond it")
    func separators() {
        #expect(SearchIndex.words("anna.schmidt@stadt.example PC-0001234_x~") == "anna schmidt stadt example PC 0001234 x ")
        #expect(SearchIndex.words("Größe: Ärger/ß² №5") == "Größe  Ärger ß²  5")
    }
}
