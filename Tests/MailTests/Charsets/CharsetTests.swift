import Foundation
import Mail
import Testing

/// German (and other) text in every charset mail arrives in, in bodies and headers.
@Suite struct CharsetTests {
    /// A message whose subject and body are the same quoted-printable bytes in `charset`.
    private func message(charset: String, quotedPrintable: String) -> MailMessage {
        MIMEParser.parse(TestBytes.crlf("""
        Subject: =?\(charset)?Q?\(quotedPrintable.replacingOccurrences(of: " ", with: "_"))?=
        Content-Type: text/plain; charset=\(charset)
        Content-Transfer-Encoding: quoted-printable

        \(quotedPrintable)
        """))
    }

    @Test(arguments: [
        ("iso-8859-1", "=C4pfel, =D6l, =DCbung, gr=F6=DFer, s=FC=DF", "Äpfel, Öl, Übung, größer, süß"),
        ("ISO-8859-15", "Preis: 5 =A4, =C4pfel", "Preis: 5 €, Äpfel"),
        ("windows-1252", "=84Gr=FC=DFe=93 =96 5 =80", "„Grüße“ – 5 €"),
        ("iso-8859-2", "=C4pfel, =F6, Dzi=EAkuj=EA", "Äpfel, ö, Dziękuję"),
        ("windows-1250", "=C4pfel, Dzi=EAkuj=EA, =8Akoda", "Äpfel, Dziękuję, Škoda"),
        ("koi8-r", "=F0=D2=C9=D7=C5=D4, =CD=C9=D2", "Привет, мир"),
        ("windows-1251", "=CF=F0=E8=E2=E5=F2, =EC=E8=F0", "Привет, мир"),
        ("utf-8", "=C3=84pfel, =C3=96l, =C3=9Cbung, gr=C3=B6=C3=9Fer, s=C3=BC=C3=9F", "Äpfel, Öl, Übung, größer, süß"),
        ("latin1", "s=FC=DF", "süß"),
        ("cp1252", "=80 5", "€ 5"),
    ])
    func quotedPrintableInCharset(charset: String, quotedPrintable: String, expected: String) {
        let parsed = message(charset: charset, quotedPrintable: quotedPrintable)
        #expect(parsed.subject == expected)
        #expect(parsed.textBody == expected)
        #expect(parsed.parseProblems.isEmpty)
    }

    @Test(arguments: [
        ("utf-8", "w4RwZmVsLCDDlmwsIMOcYnVuZywgZ3LDtsOfZXIsIHPDvMOf", "Äpfel, Öl, Übung, größer, süß"),
        ("utf-16", "//7EAHAAZgBlAGwALAAgANYAbAAsACAA3ABiAHUAbgBnACwAIABnAHIA9gDfAGUAcgAsACAAcwD8AN8A",
         "Äpfel, Öl, Übung, größer, süß"),
        ("iso-2022-jp", "GyRCJDMkcyRLJEEkTyEiQCQzJhsoQg==", "こんにちは、世界"),
        ("shift_jis", "k/qWe4zqgsyDZYNMg1iDZw==", "日本語のテキスト"),
        ("gb2312", "xOO6w6OsysC95w==", "你好，世界"),
        ("big5", "pKSk5bT6uNU=", "中文測試"),
    ])
    func base64InCharset(charset: String, base64: String, expected: String) {
        let parsed = MIMEParser.parse(TestBytes.crlf("""
        Subject: =?\(charset)?B?\(base64)?=
        Content-Type: text/plain; charset="\(charset)"
        Content-Transfer-Encoding: base64

        \(base64)
        """))
        #expect(parsed.subject == expected)
        #expect(parsed.textBody == expected)
        #expect(parsed.parseProblems.isEmpty)
    }

    @Test func rawEightBitBodyInLatin1() {
        var bytes = TestBytes.crlf("Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n\n")
        bytes += TestBytes.latin1("Stra\u{DF}e und Gr\u{F6}\u{DF}e")
        #expect(MIMEParser.parse(bytes).textBody == "Straße und Größe")
    }

    @Test func decodeDirectly() {
        #expect(Charset.decode([0xE4, 0xF6, 0xFC, 0xDF], charset: "iso-8859-1") == "äöüß")
        #expect(Charset.decode([0x80, 0x81, 0x9D], charset: "windows-1252") == "€\u{81}\u{9D}")
        #expect(Charset.decode(ArraySlice([0xC3, 0xA4]), charset: nil) == "ä")
        // Undefined bytes of a charset become U+FFFD; an incomplete sequence at the end too.
        #expect(Charset.decode([0x41, 0x81, 0x42], charset: "windows-1250") == "A\u{FFFD}B")
        #expect(Charset.decode([0x93, 0xFA, 0x96], charset: "shift_jis") == "日\u{FFFD}")
        // Unknown charsets: UTF-8 if valid, else Windows-1252.
        #expect(Charset.decode(Array("Grüße".utf8), charset: "x-unknown") == "Grüße")
        #expect(Charset.decode([0x47, 0x72, 0xFC, 0xDF, 0x65], charset: "unknown-8bit") == "Grüße")
        #expect(Charset.decode([0x47, 0x72, 0xFC, 0xDF, 0x65], charset: "../../etc//TRANSLIT") == "Grüße")
        #expect(Charset.decode([], charset: "koi8-r") == "")
    }

    @Test func knownCharsets() {
        for name in ["UTF-8", "us-ascii", "iso-8859-1", "ISO-8859-15", "windows-1250", "koi8-r", "Shift_JIS",
                     "ISO-2022-JP", "GB2312", "Big5", "ks_c_5601-1987", "utf-16le"] {
            #expect(Charset.isKnown(name), "\(name)")
        }
        #expect(!Charset.isKnown("x-klingon"))
        #expect(!Charset.isKnown("a/b"))
    }

    @Test func concurrentDecodingIsSafe() async {
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let charset = ["koi8-r", "iso-2022-jp", "windows-1250", "iso-8859-15"][index % 4]
                    let bytes: [[UInt8]] = [[0xF0, 0xD2, 0xC9], [0x1B, 0x24, 0x42, 0x24, 0x33, 0x1B, 0x28, 0x42],
                                            [0x8A, 0x6B], [0xA4]]
                    let expected = ["При", "こ", "Šk", "€"]
                    return (0..<200).allSatisfy { _ in Charset.decode(bytes[index % 4], charset: charset) == expected[index % 4] }
                }
            }
            for await result in group { #expect(result) }
        }
    }
}
