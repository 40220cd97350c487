import Foundation
import Mail
import Testing

/// Broken messages: each gives what can be recovered and says what was wrong, never nothing.
@Suite struct MalformedMessageTests {
    @Test func missingFinalBoundaryKeepsTheParts() throws {
        let message = MIMEParser.parse(MalformedMessages.missingFinalBoundary)
        #expect(message.textBody == "Gescanntes Dokument im Anhang.")
        let attachment = try #require(message.attachments.first)
        #expect(attachment.filename == "scan_0001.pdf")
        #expect(attachment.size == 52)
        #expect(message.parseProblems.contains { $0.contains("final boundary") })
    }

    @Test func wrongBoundaryIsFoundInTheBody() {
        let message = MIMEParser.parse(MalformedMessages.wrongBoundary)
        #expect(message.textBody == "Anliegen: Meine Anmeldung im Bürgerportal funktioniert nicht.")
        #expect(message.htmlBody == "<p>Anliegen: Meine Anmeldung im Bürgerportal funktioniert nicht.</p>")
        #expect(message.parseProblems.contains { $0.contains("\"actual-boundary\"") })
    }

    @Test func missingBoundaryParameterIsFoundInTheBody() {
        let message = MIMEParser.parse(MalformedMessages.missingBoundaryParameter)
        #expect(message.textBody == "Erster Teil.")
        #expect(message.attachments.map(\.filename) == ["notiz.txt"])
        #expect(!message.parseProblems.isEmpty)
    }

    @Test func multipartWithoutAnyBoundaryIsReadAsText() {
        let message = MIMEParser.parse(TestBytes.lf("""
        Subject: x
        Content-Type: multipart/mixed; boundary="nowhere"

        Nur Text, keine Teile.
        """))
        #expect(message.textBody == "Nur Text, keine Teile.")
        #expect(message.parseProblems.contains { $0.contains("body read as text") })
    }

    @Test func unclosedInnerMultipartEndsWhereTheOuterGoesOn() {
        let message = MIMEParser.parse(MalformedMessages.unclosedInnerMultipart)
        #expect(message.textBody == "Innerer Text.")
        #expect(message.htmlBody == "<p>Innerer Text.</p>")
        #expect(message.attachments.map(\.filename) == ["log.txt"])
        #expect(message.attachments.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "Fehlerprotokoll")
        #expect(message.parseProblems.contains { $0.contains("multipart/alternative not closed") })
    }

    @Test func invalidBase64IsDecodedAsFarAsPossible() throws {
        let message = MIMEParser.parse(MalformedMessages.invalidBase64)
        // The "base64" text was plain text: it is kept as it is.
        #expect(message.text(contains: "Er soll trotzdem lesbar ankommen!"))
        let attachment = try #require(message.attachments.first)
        #expect(attachment.bytes == Array(0...11))
        #expect(message.parseProblems.contains { $0.contains("invalid base64") })
        #expect(message.parseProblems.contains { $0.contains("labelled base64 but is not") })
    }

    @Test func eightBitHeadersAreReadInTheMessageCharset() {
        let message = MIMEParser.parse(MalformedMessages.eightBitHeaders)
        #expect(message.subject == "Grüße aus dem Bürgerbüro")
        #expect(message.from == [MailAddress("juergen.weiss@stadt.example", name: "Jürgen Weiß")])
        #expect(message.textBody == "Die Warteschlange im Bürgerbüro funktioniert nicht.\n")
        #expect(message.parseProblems.contains { $0.contains("8-bit bytes in header Subject") })
    }

    @Test func eightBitUTF8HeadersNeedNoGuess() {
        let message = MIMEParser.parse(TestBytes.lf("Subject: Grüße aus Köln\nFrom: Jörg <j@x.example>\n\nText"))
        #expect(message.subject == "Grüße aus Köln")
        #expect(message.from.first?.name == "Jörg")
        #expect(message.parseProblems.isEmpty)
    }

    @Test func eightBitHeaderWithoutCharsetIsWindows1252() {
        let bytes = TestBytes.latin1("Subject: \u{93}Stra\u{DF}e\u{94}\n\nText")
        // 0x93/0x94 are Windows-1252 quotes; `latin1` writes the scalars' values as bytes.
        #expect(MIMEParser.parse(bytes).subject == "“Straße”")
    }

    @Test func nulBytesAreRemoved() {
        let message = MIMEParser.parse(MalformedMessages.nulBytes)
        #expect(message.subject == "Nullbyte")
        #expect(message.textBody == "Text mit NUL.\n")
        #expect(message.parseProblems.contains { $0.contains("NUL bytes removed from header Subject") })
        #expect(message.parseProblems.contains { $0.contains("NUL bytes removed from the text") })
    }

    @Test func malformedEncodedWordsAreDecoded() {
        let message = MIMEParser.parse(MalformedMessages.malformedEncodedWords)
        #expect(message.subject == "Müller beantragt Zugang für Büro")
        #expect(message.headers["Comments"] == "Grüße")
        #expect(message.headers["Keywords"] == "Müller, Müller, Köln")
        #expect(message.from == [MailAddress("hans.mueller@stadt.example", name: "Müller, Hans")])
        #expect(message.to.map(\.name) == ["Jürgen", "Müller"])
    }

    @Test func messageWithoutHeadersIsText() {
        let message = MIMEParser.parse(TestBytes.lf("Hallo,\nbitte Passwort zurücksetzen.\n"))
        #expect(message.headers.isEmpty)
        #expect(message.textBody == "Hallo,\nbitte Passwort zurücksetzen.\n")
        #expect(message.parseProblems.contains("the message has no header section"))
    }

    @Test func emptyInputIsAnEmptyMessage() {
        let message = MIMEParser.parse([])
        #expect(message.textBody == nil)
        #expect(message.attachments.isEmpty)
        #expect(message.parseProblems == ["the message is empty"])
    }

    @Test func headersWithoutBodyAndMboxLine() {
        let message = MIMEParser.parse(TestBytes.lf("From MAILER-DAEMON Mon Jan 15 10:00:00 2024\nSubject: Nur Kopf"))
        #expect(message.subject == "Nur Kopf")
        #expect(message.textBody == nil)
        #expect(message.parseProblems.isEmpty)
    }

    @Test func headerSectionWithoutEmptyLine() {
        let message = MIMEParser.parse(TestBytes.lf("Subject: Kein Trenner\nHier beginnt der Text.\n"))
        #expect(message.subject == "Kein Trenner")
        #expect(message.textBody == "Hier beginnt der Text.\n")
        #expect(message.parseProblems == ["header section not ended by an empty line"])
    }

    @Test func unknownCharsetAndTransferEncodingDegrade() {
        let message = MIMEParser.parse(TestBytes.lf("""
        Subject: x
        Content-Type: text/plain; charset="x-mac-klingon"
        Content-Transfer-Encoding: x-gzip64

        Grüße
        """))
        #expect(message.textBody == "Grüße")
        #expect(message.parseProblems.contains { $0.contains("unknown charset") })
        #expect(message.parseProblems.contains { $0.contains("unknown transfer encoding") })
    }

    @Test func wrongCharsetLabelsAreCorrected() {
        // UTF-8 labelled ISO-8859-1, and ISO-8859-1 labelled UTF-8.
        let utf8AsLatin1 = MIMEParser.parse(TestBytes.lf("Content-Type: text/plain; charset=iso-8859-1\n\nGrüße"))
        #expect(utf8AsLatin1.textBody == "Grüße")
        let latin1AsUTF8 = MIMEParser.parse(TestBytes.latin1("Content-Type: text/plain; charset=utf-8\n\nGr\u{FC}\u{DF}e"))
        #expect(latin1AsUTF8.textBody == "Grüße")
        #expect(latin1AsUTF8.parseProblems.contains { $0.contains("decoded as windows-1252") })
    }

    @Test func unreadableContentTypeIsText() {
        let message = MIMEParser.parse(TestBytes.lf("Content-Type: garbage\n\nDoch lesbar."))
        #expect(message.textBody == "Doch lesbar.")
        #expect(message.parseProblems.contains { $0.contains("unreadable Content-Type") })
    }
}
