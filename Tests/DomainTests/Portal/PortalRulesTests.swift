import Domain
import Foundation
import Testing

/// The portal's pure rules: safe markup, title patterns, conditional display, the SLA promise in words.
@Suite("Portal rules")
struct PortalRulesTests {
    @Test("form texts become safe HTML: markup is rendered, HTML is text, only web and mail links")
    func markup() {
        #expect(SimpleMarkup.html("Hallo **Welt**\n\n- eins\n- zwei") == "<p>Hallo <strong>Welt</strong></p><ul><li>eins</li><li>zwei</li></ul>")
        #expect(SimpleMarkup.html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        #expect(SimpleMarkup.html("[Intranet](https://intranet.example/a)").contains("<a href=\"https://intranet.example/a\" rel=\"noopener noreferrer\" target=\"_blank\">Intranet</a>"))
        #expect(!SimpleMarkup.html("[klick](javascript:alert(1))").contains("<a"))
    }

    @Test("title patterns fill answers regardless of case and know their placeholders")
    func titlePattern() {
        #expect(TitlePattern.render("Toner bestellen: {{field.Druckermodell}}", formName: "F", requesterName: "E",
                                    answers: ["druckermodell": "HP  4000"], fallback: "F") == "Toner bestellen: HP 4000")
        #expect(TitlePattern.render("{{field.leer}}", formName: "Formular", requesterName: "E", answers: [:], fallback: "Formular") == "Formular")
        #expect(TitlePattern.unknownPlaceholders(in: "{{field.a}} {{field.b}} {{form.name}} {{x", itemNames: ["a"]) == ["field.b", "{{"])
    }

    @Test("a hidden item is neither required nor stored; a shown one is checked by its field")
    func conditionalDisplay() {
        let urgent = FieldDefinition(name: "eilig", label: "Eilig", object: .ticket, type: .checkbox, customerVisible: true)
        let reason = FieldDefinition(name: "grund", label: "Grund", object: .ticket, type: .text, customerVisible: true)
        let form = RequestForm(name: "F", queueID: 1, titlePattern: "F", pages: [FormPage(sections: [FormSection(items: [
            FormItem(field: "eilig"), FormItem(field: "grund", required: true, showWhen: FormCondition(field: "eilig", values: ["true"])),
        ])])])
        let fields = ["eilig": urgent, "grund": reason]
        let hidden = form.evaluate(answers: ["eilig": .bool(false), "grund": .string("egal")], uploads: [:], fields: fields)
        #expect(hidden.issues.isEmpty && hidden.answers.map(\.item.field) == ["eilig"])
        let shown = form.evaluate(answers: ["eilig": .bool(true)], uploads: [:], fields: fields)
        #expect(shown.issues.map(\.field) == ["answers.grund"])
    }

    @Test("the SLA promise names the weekday and time in the calendar's time zone")
    func promiseWords() throws {
        let terms = SLATerms(slaID: 1, targets: SLATargets(firstResponseMinutes: 60, solutionMinutes: 600))
        let start = try #require(ISO8601DateFormatter().date(from: "2026-11-24T08:00:00Z"))
        let clocks = TicketSLAClocks.started(at: start, channel: .web, terms: terms, calendar: .allDay)
        #expect(SLAPromise(clocks: clocks, timeZoneID: "Europe/Berlin", language: "de")?.text == "Antwort bis Di 10:00")
        #expect(SLAPromise(clocks: clocks, timeZoneID: "Europe/Berlin", language: "en")?.text == "Reply by Tue 10:00")
    }
}
