@testable import Mail
import Testing

/// Text from HTML, for messages without a text part.
@Suite struct HTMLTextTests {
    private func text(_ html: String) -> String { HTMLTextExtractor.text(fromHTML: html) }

    @Test func blocksBreaksAndLists() {
        #expect(text("<p>Eins</p><p>Zwei<br>Drei</p>") == "Eins\n\nZwei\nDrei")
        #expect(text("<div>A</div><div>B</div>") == "A\nB")
        #expect(text("<ul><li>a</li><li>b</li></ul>nach") == "- a\n- b\n\nnach")
        #expect(text("<table><tr><td>Name</td><td>Wert</td></tr><tr><td>x</td><td>1</td></tr></table>") == "Name Wert\nx 1")
    }

    @Test func whiteSpaceAndPre() {
        #expect(text("  viel   \n  Leerraum  ") == "viel Leerraum")
        #expect(text("<pre>  a\n    b</pre>") == "  a\n    b")
    }

    @Test func invisibleContentIsDropped() {
        #expect(text("<html><head><title>T</title><style>p{}</style></head><body>Text<script>alert(1)</script></body></html>") == "Text")
        #expect(text("a<!-- Kommentar -->b") == "ab")
        #expect(text("<head><meta charset=utf-8>Ohne Ende") == "Ohne Ende")
        #expect(text("vor<script>nie geschlossen") == "vor")
    }

    @Test func characterReferences() {
        #expect(text("&auml;&ouml;&uuml;&szlig; &amp; &lt;tag&gt; &#228; &#xE4; &#150; &euro; &nbsp;x") == "äöüß & <tag> ä ä – €  x")
        #expect(text("&unbekannt; &amp &copy") == "&unbekannt; & &copy")
        #expect(text("a&shy;b") == "ab")
    }

    @Test func brokenMarkup() {
        #expect(text("a < b und c > d") == "a < b und c > d")
        #expect(text("<p title=\"a>b\">Text</p>") == "Text")
        #expect(text("<a href=\"x") == "")
        #expect(text("") == "")
    }
}
