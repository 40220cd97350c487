import Domain
import Foundation
import Testing

@Suite("JSON text")
struct JSONTextTests {
    @Test("strings come back from a JSON parser exactly as written, escaped only where JSON demands")
    func strings() throws {
        let samples = ["", "plain", "Größe ß² 🖨", "say \"hi\"", "back\\slash", "line\nbreak\ttab\r\u{08}\u{0C}\u{01}\u{1F}", "ende\""]
        for sample in samples {
            let text = JSONText.string(sample)
            let decoded = try JSONDecoder().decode(String.self, from: Data(text.utf8))
            #expect(decoded == sample)
        }
        #expect(JSONText.string("Größe 🖨") == "\"Größe 🖨\"")
        #expect(JSONText.string("a\"b\\c\u{01}") == "\"a\\\"b\\\\c\\u0001\"")
        #expect(JSONText.object(["b": "2", "a": "\"1\""]) == "{\"a\":\"\\\"1\\\"\",\"b\":\"2\"}")
    }
}
