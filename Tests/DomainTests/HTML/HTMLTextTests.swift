import Domain
import Testing

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Hallo&nbsp;Welt</p><p>Zweiter   Absatz\nmit Umbruch</p>", "Hallo Welt\n\nZweiter Absatz mit Umbruch"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("a<br><br><br><br>b", "a\n\nb"),
        ("<h1>Titel</h1>Text<h2>Unter</h2><div>eins</div><div>zwei</div>", "Titel\n\nText\n\nUnter\n\neins\nzwei"),
        ("<b>fett</b> <i>kursiv</i>x<span>y</span>", "fett kursivxy"),
        ("<p>   führende   und   folgende   </p>", "führende und folgende"),
        ("<p>&nbsp;&nbsp;eingerückt&nbsp;&nbsp;</p>", "  eingerückt"),
        ("text <!-- <p>kommentar</p> --> mehr", "text mehr"),
        ("<div><p>a</p></div><div><p>b</p></div>", "a\n\nb"),
        ("<blockquote>zitat</blockquote>danach", "zitat\n\ndanach"),
        ("<p>a</p><hr><p>b</p>", "a\n\nb"),
    ])
    func blocksBecomeLines(html: String, expected: String) {
        #expect(HTMLText.plainText(fromHTML: html) == expected)
    }

    @Test func listItemsGetDashes() {
        #expect(HTMLText.plainText(fromHTML: "vor<ul><li>eins</li><li><p>zwei</p></li><li>drei<ol><li>drei.a</ol></ul>nach")
            == "vor\n\n- eins\n- zwei\n- drei\n- drei.a\n\nnach")
    }

    @Test func tableRowsBecomeLines() {
        #expect(HTMLText.plainText(fromHTML: "<table><tr><th>Gerät</th><th>Raum</th></tr><tr><td><p>HP 4050</p></td><td><p>1.23</p></td></tr><tr><td></td><td>leer</td></tr></table>danach")
            == "Gerät Raum\nHP 4050 1.23\nleer\n\ndanach")
    }

    @Test func preformattedTextKeepsItsSpaces() {
        #expect(HTMLText.plainText(fromHTML: "<pre>  a\r\n     b  c</pre>nach   dem") == "  a\n     b  c\n\nnach dem")
    }

    @Test func decodesCharacterReferences() {
        #expect(HTMLText.plainText(fromHTML: "&auml;&ouml;&uuml;&Auml;&Ouml;&Uuml;&szlig;&euro;&#8364;&#x20AC;&#X20ac;")
            == "äöüÄÖÜß€€€€")
        #expect(HTMLText.plainText(fromHTML: "&amp;&lt;&gt;&quot;&apos;&#39;&hellip;&ndash;&bdquo;&ldquo;&copy;&reg;&trade;")
            == "&<>\"''…–„“©®™")
        #expect(HTMLText.plainText(fromHTML: "&#150;&#128;&#65;&#x41 &amp &unbekannt; &#; &#xZ; &") == "–€AA & &unbekannt; &#; &#xZ; &")
        #expect(HTMLText.plainText(fromHTML: "&#0;&#xD800;&#1114112;&#99999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func dropsInvisibleContent() {
        #expect(HTMLText.plainText(fromHTML: """
            <html><head><title>Titel</title><style>p { color: red }</style></head>
            <body><script>var x = "<p>nein</p>";</script><p>sichtbar</p><template>nein</template><svg><text>nein</text></svg></body></html>
            """) == "sichtbar")
    }

    @Test func keepsTextOfUnknownAndMalformedMarkup() {
        #expect(HTMLText.plainText(fromHTML: "<o:p>Outlook</o:p> a < b <unclosed") == "Outlook a < b")
        #expect(HTMLText.plainText(fromHTML: "<p>offen<div>ohne Ende") == "offen\nohne Ende")
    }

    @Test func readsOutlookMail() {
        #expect(HTMLText.plainText(fromHTML: HTMLSanitizerTests.outlookMail) == """
            Sehr geehrte Damen und Herren,

            der Drucker im Raum 1.23 (Gebäude A) druckt seit heute nicht mehr. Fehlermeldung: „Papierstau“.

            Gerät HP LaserJet 4050
            Inventarnr. INV-4711

            - Neustart versucht
            - Papier geprüft

            Mit freundlichen Grüßen
            Max Mustermann
            Stadtverwaltung – Amt 10
            max.mustermann@stadt.example | www.stadt.example

            Von: IT-Service <it@stadt.example>
            Gesendet: Montag, 23. November 2026 09:12
            Betreff: [Ticket#2026112301000015] Drucker

            Zeile 1
                eingerückt
            """)
    }

    @Test(arguments: ["", "   ", "<p></p><br><div> </div>", "<script>x</script>"])
    func emptyHTMLGivesEmptyText(html: String) {
        #expect(HTMLText.plainText(fromHTML: html) == "")
    }

    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.escape("Grüße ✓") == "Grüße ✓")
    }

    @Test func escapedTextReadsBackUnchanged() {
        let text = "if a < b && c > \"d\" then 'e' &amp;"
        #expect(HTMLText.plainText(fromHTML: HTMLText.escape(text)) == text)
    }
}
