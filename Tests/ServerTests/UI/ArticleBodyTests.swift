import Domain
import Foundation
import Testing
@testable import Web

@Suite("Article bodies on the ticket page")
struct ArticleBodyTests {
    let body = ArticleBody(quoteLabel: "Zitat")

    @Test("plain text is escaped, `>` lines and a reply's quoted part fold")
    func plainText() {
        let html = body.text("Hallo <b>Team</b>,\n> alt 1\n> alt 2\nneu\n\nAm 27.11.2026 um 10:00 schrieb Erika:\n> ganz alt")
        #expect(html.contains("Hallo &lt;b&gt;Team&lt;/b&gt;,"))
        #expect(html.components(separatedBy: "<details class=\"quote\">").count == 3)
        #expect(html.contains("&gt; alt 1\n&gt; alt 2</div></details><div class=\"text\">neu"))
        #expect(html.hasSuffix("&gt; ganz alt</div></details>"))
    }

    @Test("outermost blockquotes fold, nested ones stay inside; cid images point at the attachment")
    func html() {
        let html = body.foldingBlockquotes("<p>a</p><blockquote>b<blockquote>c</blockquote></blockquote><p>d</p><blockquote>e</blockquote>")
        #expect(html == "<p>a</p><details class=\"quote\"><summary>Zitat</summary><blockquote>b<blockquote>c</blockquote></blockquote></details>"
            + "<p>d</p><details class=\"quote\"><summary>Zitat</summary><blockquote>e</blockquote></details>")
        #expect(body.pointingImages("<img src=\"cid:logo@x\">", to: ["<logo@x>": 7]) == "<img src=\"/agent/attachments/7\">")
        var printing = body
        printing.foldsQuotes = false
        #expect(printing.text("> alt") == "<div class=\"quote\"><div class=\"text\">&gt; alt</div></div>")
    }
}
