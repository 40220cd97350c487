import Store
import Testing

@Suite("Search words")
struct SearchWordsTests {
    @Test("everything but letters and digits separates words, in plain ASCII as beyond it")
    func separators() {
        #expect(SearchIndex.words("anna.schmidt@stadt.example PC-0001234_x~") == "anna schmidt stadt example PC 0001234 x ")
        #expect(SearchIndex.words("Größe: Ärger/ß² №5") == "Größe  Ärger ß²  5")
    }

    @Test("decomposed letters are composed, so that they match what a search types")
    func composition() {
        #expect(SearchIndex.words("Gro\u{308}ße – Zu\u{308}rich 🖨 Drucker") == "Größe   Zürich   Drucker")
        #expect(SearchIndex.words("Größe – Zürich") == "Größe   Zürich")
    }
}
