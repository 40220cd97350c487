import Mail
import Testing

/// RFC 2047 encoded words in header values, well-formed and as real mailers break them.
@Suite struct EncodedWordTests {
    private func decoded(_ raw: String) -> String { MailHeader(name: "Subject", rawValue: raw).value }

    @Test(arguments: [
        ("=?iso-8859-1?Q?M=FCller?=", "Müller"),
        ("=?ISO-8859-1?q?M=FCller?=", "Müller"),
        ("=?utf-8?B?TcO8bGxlcg==?=", "Müller"),
        ("=?utf-8?B?TcO8bGxlcg?=", "Müller"),  // padding missing
        ("=?UTF-8*de?Q?M=C3=BCller?=", "Müller"),  // RFC 2231 language
        ("Re: =?utf-8?Q?M=C3=BCller?= und =?utf-8?Q?Wei=C3=9F?=", "Re: Müller und Weiß"),
        ("=?utf-8?Q?a?= =?utf-8?Q?b?=", "ab"),  // white space between words is dropped
        ("=?utf-8?Q?a?=\t =?iso-8859-1?Q?=FC?=", "aü"),
        ("=?utf-8?Q?a_b?=", "a b"),
        ("Re:=?utf-8?Q?M=C3=BCller?=", "Re:Müller"),  // no space before the word
        ("plain =? text ?= stays", "plain =? text ?= stays"),
        ("=?utf-8?X?abc?=", "=?utf-8?X?abc?="),  // unknown encoding stays as it is
    ])
    func decodes(raw: String, expected: String) {
        #expect(decoded(raw) == expected)
    }

    @Test func wordSplitInsideAWord() {
        #expect(decoded("=?iso-8859-1?Q?M=FC?= =?iso-8859-1?Q?ller?=") == "Müller")
        // Outlook splits UTF-8 sequences between words: the bytes are joined before decoding.
        #expect(decoded("=?utf-8?Q?Gr=C3?= =?utf-8?Q?=BC=C3=9Fe?=") == "Grüße")
        #expect(decoded("=?utf-8?B?R3LD?= =?utf-8?B?vMOfZQ==?=") == "Grüße")
    }

    @Test func missingTerminator() {
        #expect(decoded("=?iso-8859-1?Q?M=FCller") == "Müller")
        #expect(decoded("=?utf-8?Q?Gr=C3=BC=C3=9Fe aus Berlin") == "Grüße aus Berlin")
        #expect(decoded("=?utf-8?Q?M=C3=BCller =?utf-8?Q?Wei=C3=9F?=") == "Müller Weiß")
    }

    @Test func spacesInsideQText() {
        #expect(decoded("=?iso-8859-1?Q?Gr=FC=DFe aus K=F6ln?=") == "Grüße aus Köln")
    }

    @Test func wrongCharsetLabels() {
        #expect(decoded("=?utf-8?Q?M=FCller?=") == "Müller")  // Latin-1 bytes labelled UTF-8
        #expect(decoded("=?iso-8859-1?Q?M=C3=BCller?=") == "Müller")  // UTF-8 bytes labelled Latin-1
        #expect(decoded("=?us-ascii?Q?M=FCller?=") == "Müller")
        #expect(decoded("=?x-unknown?Q?M=FCller?=") == "Müller")
        #expect(decoded("=?../../etc/passwd?Q?M=FCller?=") == "Müller")
    }

    @Test func lineBreaksAndNULFromEncodedWordsBecomeSpaces() {
        let header = MailHeader(name: "Subject", rawValue: "=?utf-8?Q?Hallo=0D=0ABcc:_x@evil.example=00?=")
        #expect(header.value == "Hallo  Bcc: x@evil.example")
    }

    @Test func otherCharsets() {
        #expect(decoded("=?koi8-r?B?8NLJ18XU?=") == "Привет")
        #expect(decoded("=?iso-2022-jp?B?GyRCJDMkcyRLJEEkTyEiQCQzJhsoQg==?=") == "こんにちは、世界")
        #expect(decoded("=?windows-1252?Q?=84Hallo=93?=") == "„Hallo“")
        #expect(decoded("=?iso-8859-15?Q?5_=A4?=") == "5 €")
    }
}
