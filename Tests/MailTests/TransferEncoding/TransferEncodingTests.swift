import Foundation
@testable import Mail
import Testing

/// Base64 and quoted-printable, decoding forgivingly and encoding within line limits.
@Suite struct TransferEncodingTests {
    private func base64(_ text: String) -> Base64.Decoded { Base64.decode(Array(text.utf8)) }
    private func quotedPrintable(_ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { String(decoding: QuotedPrintable.decode($0).bytes, as: UTF8.self) }
    }

    @Test func base64Decoding() {
        #expect(base64("SGFsbG8=").bytes == Array("Hallo".utf8))
        #expect(base64("SGFs\r\nbG8=\r\n").bytes == Array("Hallo".utf8))
        #expect(base64("SGFsbG8").bytes == Array("Hallo".utf8))  // no padding
        #expect(base64("SGFsbA==SGFsbG8=").bytes == Array("HallHallo".utf8))  // pieces run together
        let broken = base64("SGF!sbG8=")
        #expect(broken.bytes == Array("Hallo".utf8))
        #expect(broken.invalidCharacters == 1)
        #expect(base64("SGFsbG8gV").truncated)
        #expect(base64("").bytes.isEmpty)
    }

    @Test func base64RoundTripAndLines() {
        for count in [0, 1, 2, 3, 56, 57, 58, 1_000] {
            let bytes = TestBytes.pseudoRandom(count: count, seed: UInt64(count))
            let lines = Base64.encodeLines(bytes)
            #expect(Base64.decode(lines).bytes == bytes)
            #expect(String(decoding: lines, as: UTF8.self) == TestBytes.base64Lines(bytes) + (count == 0 ? "" : "\r\n"))
            #expect(String(decoding: lines, as: UTF8.self).split(separator: "\r\n").allSatisfy { $0.count <= 76 })
        }
    }

    @Test func quotedPrintableDecoding() {
        #expect(quotedPrintable("Gr=C3=BC=C3=9Fe") == "Grüße")
        #expect(quotedPrintable("Gr=c3=bc=c3=9fe") == "Grüße")  // lower-case hex
        #expect(quotedPrintable("lang=\r\ne Zeile") == "lange Zeile")
        #expect(quotedPrintable("lang=\ne Zeile") == "lange Zeile")
        #expect(quotedPrintable("weich=  \r\numbrochen") == "weichumbrochen")
        #expect(quotedPrintable("Leer   \r\nzeichen") == "Leer\r\nzeichen")  // transport padding dropped
        #expect(quotedPrintable("Leer=20\r\nzeichen") == "Leer \r\nzeichen")
        #expect(quotedPrintable("a = b =XY c=") == "a = b =XY c")
        #expect(quotedPrintable("100% =3D 1") == "100% = 1")
    }

    @Test func quotedPrintableEncoding() {
        let text = "Grüße aus Köln = schön \nFrom the start\n" + String(repeating: "ä", count: 100) + "\nEnde \t"
        let encoded = QuotedPrintable.encode(Array(text.utf8))
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.contains("=46rom the start"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        let decoded = encoded.withUnsafeBufferPointer { QuotedPrintable.decode($0).bytes }
        #expect(String(decoding: decoded, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }
}
