import Foundation
import Mail
import Testing

/// Header sections: folding, lookup, parameters, dates and IDs.
@Suite struct HeaderFieldTests {
    @Test func foldingAndCaseInsensitiveLookup() throws {
        let message = MIMEParser.parse(TestBytes.crlf("""
        SUBJECT: Ein sehr langer Betreff,
        \tder gefaltet wurde
          und weiter geht
        message-id:
         <abc@example.org>
        X-Empty:
        X-Dup: eins
        X-Dup: zwei

        Text
        """))
        #expect(message.subject == "Ein sehr langer Betreff,\tder gefaltet wurde  und weiter geht")
        #expect(message.headers["Subject"] == message.headers["subject"])
        #expect(message.messageID == "abc@example.org")
        #expect(message.headers["X-Empty"] == "")
        #expect(message.headers.values(named: "x-dup") == ["eins", "zwei"])
        #expect(message.headers.map(\.name) == ["SUBJECT", "message-id", "X-Empty", "X-Dup", "X-Dup"])
        #expect(message.headers.first(named: "Subject")?.rawValue == message.subject)
    }

    @Test func rawValueKeepsEncodedWords() throws {
        let message = MIMEParser.parse(TestBytes.lf("Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\n\n"))
        let field = try #require(message.headers.first(named: "Subject"))
        #expect(field.rawValue == "=?utf-8?Q?Gr=C3=BC=C3=9Fe?=")
        #expect(field.value == "Grüße")
    }

    @Test func contentTypeParameters() throws {
        let type = try #require(ContentType(parsing: "Text/PLAIN; Charset = \"ISO-8859-1\"; format=flowed; boundary=----=_Part_1"))
        #expect(type.mimeType == "text/plain")
        #expect(type.charset == "ISO-8859-1")
        #expect(type.parameters["format"] == "flowed")
        #expect(type.parameters["boundary"] == "----=_Part_1")
        #expect(ContentType(parsing: "text") == nil)
        #expect(ContentType(parsing: "text/plain charset=utf-8")?.charset == "utf-8")
        let path = try #require(ContentType(parsing: "application/pdf; name=\"C:\\Users\\hm\\Bericht.pdf\""))
        #expect(path.parameters["name"] == "C:\\Users\\hm\\Bericht.pdf")
    }

    @Test func attachmentNamesLoseDirectoriesAndControls() throws {
        let message = MIMEParser.parse(TestBytes.lf("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: application/pdf; name="C:\\Users\\hm\\Bericht.pdf"

        x
        --b
        Content-Disposition: attachment; filename="../../etc/passwd"

        y
        --b
        Content-Disposition: attachment; filename="a\u{1}b.txt"

        z
        --b--
        """))
        #expect(message.attachments.map(\.filename) == ["Bericht.pdf", "passwd", "ab.txt"])
    }

    @Test(arguments: [
        ("Mon, 15 Jan 2024 08:12:43 +0000", 1_705_306_363),
        ("15 Jan 2024 09:12:43 +0100", 1_705_306_363),
        ("Mon, 15 Jan 2024 09:12:43 +0100 (CET)", 1_705_306_363),
        ("Mon, 15 Jan 24 03:12:43 EST", 1_705_306_363),
        ("Monday, 15 January 2024 08:12 GMT", 1_705_306_320),
        ("Mon,15 Jan 2024 10:12:43 CEST", 1_705_306_363),
        ("Mon, 15 Jan 2024 08:12:43", 1_705_306_363),
        ("Thu, 29 Feb 2024 00:00:00 -0000", 1_709_164_800),
    ])
    func dates(header: String, seconds: Int) {
        #expect(MailDate.parse(header) == Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test func unreadableDates() {
        for header in ["", "gestern", "31 Feb 2024 10:00:00 +0000", "Mon, 15 Jan 2024", "15 Foo 2024 10:00:00"] {
            #expect(MailDate.parse(header) == nil, "\(header)")
        }
    }

    @Test func dateFormatting() throws {
        let date = Date(timeIntervalSince1970: 1_705_306_363)
        #expect(MailDate.format(date, timeZone: try #require(TimeZone(identifier: "UTC"))) == "Mon, 15 Jan 2024 08:12:43 +0000")
        #expect(MailDate.format(date, timeZone: try #require(TimeZone(identifier: "Europe/Berlin"))) == "Mon, 15 Jan 2024 09:12:43 +0100")
        #expect(MailDate.format(Date(timeIntervalSince1970: 0), timeZone: try #require(TimeZone(identifier: "America/New_York")))
            == "Wed, 31 Dec 1969 19:00:00 -0500")
    }

    @Test func messageIDLists() {
        #expect(MessageIDs.parse("<a@x> <b@y>\r\n <c@z>") == ["a@x", "b@y", "c@z"])
        #expect(MessageIDs.parse("<a@x> (comment <not-an-id) <a@x>") == ["a@x"])
        #expect(MessageIDs.parse("a@x, b@y") == ["a@x", "b@y"])
        #expect(MessageIDs.parse("<very\n long@x>") == ["verylong@x"])
        #expect(MessageIDs.parse("").isEmpty)
    }
}
