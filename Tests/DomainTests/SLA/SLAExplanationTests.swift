import Domain
import Foundation
import Testing

@Suite struct SLAExplanationTests {
    private let saxony = BusinessCalendar.saxony
    private func at(_ text: String) -> Date { SLATest.at(text) }
    private func describe(_ segments: [WorkingSegment]) -> [String] {
        segments.map { segment in
            let clock = { (date: Date) in SLATest.text(date).dropFirst(11).prefix(5) }
            return "\(segment.date) \(clock(segment.start))–\(clock(segment.end))"
        }
    }

    @Test func whyDueOnTuesdayAt1030() {
        // Created Friday 6 June 2025 15:00 with a 4-hour solution target; Monday is Pfingstmontag.
        let clocks = TicketSLAClocks.started(
            at: at("2025-06-06T15:00+02:00"), channel: .email, terms: SLATest.terms(solution: 240), calendar: saxony
        )
        let explanation = clocks.solution.explanation(at: at("2025-06-06T15:30+02:00"), calendar: saxony)
        #expect(explanation.kind == .solution)
        #expect(explanation.timeZoneID == "Europe/Berlin")
        #expect(SLATest.text(explanation.status.dueAt) == "2025-06-10T10:30:00+02:00")
        #expect(explanation.status.consumedMinutes == 30)
        #expect(describe(explanation.counted) == ["2025-06-06 15:00–15:30"])
        #expect(describe(explanation.ahead) == ["2025-06-06 15:30–16:00", "2025-06-10 07:30–10:30"])
        #expect(explanation.holidays == [
            SkippedHoliday(date: SLATest.day("2025-06-09"), name: "Pfingstmontag", skippedSeconds: 8 * 3600),
        ])
        #expect(explanation.pauses.isEmpty)
    }

    @Test func pauseOverChristmas() {
        var clocks = TicketSLAClocks.started(
            at: at("2025-12-22T08:00+01:00"), channel: .web, terms: SLATest.terms(solution: 480), calendar: saxony
        )
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-12-22T10:00+01:00"), calendar: saxony)
        let waiting = clocks.solution.explanation(at: at("2025-12-23T09:00+01:00"), calendar: saxony)
        #expect(waiting.pauses.count == 1)
        #expect(waiting.pauses[0].end == nil)
        #expect(waiting.pauses[0].workingSeconds == (330 + 90) * 60) // ongoing: up to the explanation's instant
        #expect(waiting.ahead.isEmpty)
        #expect(waiting.status.condition == .paused)

        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: at("2025-12-29T09:00+01:00"), calendar: saxony)
        let explanation = clocks.solution.explanation(at: at("2025-12-29T10:00+01:00"), calendar: saxony)
        #expect(describe(explanation.counted) == ["2025-12-22 08:00–10:00", "2025-12-29 09:00–10:00"])
        #expect(describe(explanation.ahead) == ["2025-12-29 10:00–12:00", "2025-12-29 12:30–15:30"])
        #expect(explanation.pauses.count == 1)
        #expect(explanation.pauses[0].workingSeconds == 1380 * 60)
        #expect(explanation.pauses[0].holidays.map(\.name) == ["1. Weihnachtstag", "2. Weihnachtstag"])
        #expect(explanation.holidays.isEmpty)
        #expect(SLATest.text(explanation.status.dueAt) == "2025-12-29T15:30:00+01:00")
    }

    @Test func everyClockExplainsItself() throws {
        let clocks = TicketSLAClocks.started(
            at: at("2025-09-08T08:00+02:00"), channel: .email,
            terms: SLATest.terms(firstResponse: 60, update: 120, solution: 480), calendar: saxony
        )
        let explanations = clocks.explanation(at: at("2025-09-08T08:30+02:00"), calendar: saxony)
        #expect(explanations.map(\.kind) == [.firstResponse, .update, .solution])
        #expect(explanations.map { SLATest.text($0.status.dueAt) } == [
            "2025-09-08T09:00:00+02:00", "2025-09-08T10:00:00+02:00", "2025-09-09T08:00:00+02:00",
        ])
        #expect(describe(explanations[2].ahead)
            == ["2025-09-08 08:30–12:00", "2025-09-08 12:30–16:00", "2025-09-09 07:30–08:00"])
        // Structured data, ready for the API.
        let json = try JSONEncoder().encode(explanations)
        #expect(try JSONDecoder().decode([SLAClockExplanation].self, from: json) == explanations)
    }
}
