import Mail
import Testing

/// Address lists as mailers write them.
@Suite struct AddressTests {
    private func list(_ header: String) -> [MailAddress] { MailAddress.list(parsing: header) }

    @Test func commonForms() {
        #expect(list("hans@example.org") == [MailAddress("hans@example.org")])
        #expect(list("<hans@example.org>") == [MailAddress("hans@example.org")])
        #expect(list("Hans Müller <hans@example.org>") == [MailAddress("hans@example.org", name: "Hans Müller")])
        #expect(list("\"Müller, Hans\" <hans@example.org>, petra@example.org") == [
            MailAddress("hans@example.org", name: "Müller, Hans"), MailAddress("petra@example.org"),
        ])
        #expect(list("\"Hans \\\"HM\\\" Müller\" <hans@example.org>") == [MailAddress("hans@example.org", name: "Hans \"HM\" Müller")])
    }

    @Test func commentsAndEncodedWords() {
        #expect(list("hans@example.org (Hans Müller)") == [MailAddress("hans@example.org", name: "Hans Müller")])
        #expect(list("=?iso-8859-1?Q?J=FCrgen_Wei=DF?= <j@example.org>") == [MailAddress("j@example.org", name: "Jürgen Weiß")])
        #expect(list("=?utf-8?Q?M=C3=BCller,_Hans?= <h@example.org>") == [MailAddress("h@example.org", name: "Müller, Hans")])
        #expect(list("Hans (Büro 3) <hans@example.org>") == [MailAddress("hans@example.org", name: "Hans")])
    }

    @Test func groups() {
        #expect(list("undisclosed-recipients:;").isEmpty)
        #expect(list("Team IT: a@example.org, \"B\" <b@example.org>;, c@example.org") == [
            MailAddress("a@example.org"), MailAddress("b@example.org", name: "B"), MailAddress("c@example.org"),
        ])
    }

    @Test func brokenForms() {
        // An unquoted name with a comma stays one name.
        #expect(list("Müller, Hans <hans@example.org>") == [MailAddress("hans@example.org", name: "Müller, Hans")])
        // A name before a bare address, Outlook's single quotes, a missing `>`.
        #expect(list("Hans hans@example.org") == [MailAddress("hans@example.org", name: "Hans")])
        #expect(list("'Hans Müller' <hans@example.org>") == [MailAddress("hans@example.org", name: "Hans Müller")])
        #expect(list("Hans <hans@example.org, petra@example.org") == [
            MailAddress("hans@example.org", name: "Hans"), MailAddress("petra@example.org"),
        ])
        #expect(list("<mailto:hans@example.org>") == [MailAddress("hans@example.org")])
        #expect(list("<@relay.example:hans@example.org>") == [MailAddress("hans@example.org")])
        #expect(list("root") == [MailAddress("root")])
        #expect(list(",,, ;;") .isEmpty)
        #expect(list("\"hans@example.org\" <hans@example.org>") == [MailAddress("hans@example.org")])
        #expect(list("<>").isEmpty)
    }

    @Test func parts() throws {
        let address = try #require(MailAddress(parsing: "Hans <Hans.Mueller@Stadt.Example>"))
        #expect(address.localPart == "Hans.Mueller")
        #expect(address.domain == "Stadt.Example")
        #expect(address.description == "Hans <Hans.Mueller@Stadt.Example>")
        #expect(MailAddress(parsing: "") == nil)
    }
}
