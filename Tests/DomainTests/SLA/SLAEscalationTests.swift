import Domain
import Foundation
import Testing

@Suite struct SLAEscalationTests {
    private let saxony = BusinessCalendar.saxony
    private func at(_ text: String) -> Date { SLATest.at(text) }
    private func text(_ date: Date?) -> String { SLATest.text(date) }
    private func describe(_ escalations: [SLAEscalation]) -> [String] {
        escalations.map { "\($0.kind.rawValue) \($0.threshold.rawValue) \(text($0.at)) #\($0.cycle)" }
    }

    private func started(_ instant: String, _ terms: SLATerms) -> TicketSLAClocks {
        TicketSLAClocks.started(at: at(instant), channel: .email, terms: terms, calendar: saxony)
    }

    /// Applies `.slaChanged` to Saxon hours at `instant`; `previous` is the calendar counted with until then.
    private func changeSLA(
        _ clocks: inout TicketSLAClocks, to terms: SLATerms, at instant: String, previous: BusinessCalendar = .saxony
    ) {
        clocks.apply(.slaChanged(terms, calendar: .saxony), at: SLATest.at(instant), calendar: previous)
    }

    @Test func eachThresholdFiresExactlyOnce() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        #expect(text(clocks.nextDeadline) == "2025-09-08T08:48:00+02:00")
        #expect(clocks.pendingEscalations(at: at("2025-09-08T08:47:59+02:00")).isEmpty)
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T08:48+02:00")))
            == ["firstResponse warning 2025-09-08T08:48:00+02:00 #0"])
        #expect(clocks.takePendingEscalations(at: at("2025-09-08T08:50+02:00")).isEmpty)
        #expect(text(clocks.nextDeadline) == "2025-09-08T09:00:00+02:00")
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T09:00+02:00")))
            == ["firstResponse breach 2025-09-08T09:00:00+02:00 #0"])
        #expect(clocks.takePendingEscalations(at: at("2025-09-08T12:00+02:00")).isEmpty)
        #expect(clocks.nextDeadline == nil)
    }

    @Test func aLateWorkerFiresBothInOrder() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60, solution: 90))
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T10:00+02:00"))) == [
            "firstResponse warning 2025-09-08T08:48:00+02:00 #0",
            "firstResponse breach 2025-09-08T09:00:00+02:00 #0",
            "solution warning 2025-09-08T09:12:00+02:00 #0",
            "solution breach 2025-09-08T09:30:00+02:00 #0",
        ])
        #expect(clocks.takePendingEscalations(at: at("2025-09-08T11:00+02:00")).isEmpty)
    }

    @Test func escalationsHappenInWorkingTimeNotAtMidnight() {
        // Friday 15:30 with 60 minutes: 30 on Friday, warning Monday 07:48, breach Monday 08:00.
        let clocks = started("2025-09-12T15:30+02:00", SLATest.terms(firstResponse: 60))
        #expect(text(clocks.nextDeadline) == "2025-09-15T07:48:00+02:00")
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-15T08:00:00+02:00")
        #expect(clocks.pendingEscalations(at: at("2025-09-15T00:00+02:00")).isEmpty)
    }

    @Test func metAndPausedClocksDoNotEscalate() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60, solution: 480))
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T09:30+02:00"), calendar: saxony)
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T10:00+02:00"), calendar: saxony)
        // First response was met late (recorded, not escalated afterwards); the solution clock is paused.
        #expect(clocks.firstResponse.breachedAt != nil)
        #expect(clocks.pendingEscalations(at: at("2025-09-12T10:00+02:00")).isEmpty)
        #expect(clocks.nextDeadline == nil)
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: at("2025-09-09T10:00+02:00"), calendar: saxony)
        // 120 used; warning at 384 → 264 more from Tue 10:00: 10:00–12:00, 12:30–14:54.
        #expect(text(clocks.nextDeadline) == "2025-09-09T14:54:00+02:00")
    }

    @Test func pausedAfterTheBreachStillEscalatesOnce() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(solution: 60))
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T09:30+02:00"), calendar: saxony)
        #expect(text(clocks.solution.dueAt) == "2025-09-08T09:00:00+02:00")
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T09:31+02:00"))) == [
            "solution warning 2025-09-08T08:48:00+02:00 #0", "solution breach 2025-09-08T09:00:00+02:00 #0",
        ])
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: at("2025-09-08T10:00+02:00"), calendar: saxony)
        #expect(clocks.takePendingEscalations(at: at("2025-09-08T11:00+02:00")).isEmpty)
    }

    @Test func everyUpdateCycleEscalatesAgain() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(update: 60))
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T09:00+02:00"))).count == 2)
        clocks.apply(.customerVisibleCustomerMessage, at: at("2025-09-08T09:10+02:00"), calendar: saxony)
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T09:58+02:00")))
            == ["update warning 2025-09-08T09:58:00+02:00 #1"])
        // An escalation of the old cycle does not mark the new one.
        clocks.markEscalated(SLAEscalation(kind: .update, threshold: .breach, at: at("2025-09-08T09:00+02:00"), cycle: 0))
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T10:10+02:00")))
            == ["update breach 2025-09-08T10:10:00+02:00 #1"])
    }

    @Test func slaChangesReArmOnlyWhatIsNoLongerReached() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        #expect(clocks.takePendingEscalations(at: at("2025-09-08T08:50+02:00")).count == 1)
        // Looser: the warning is no longer reached, so it is re-armed for 80 % of 240 = 192 minutes (11:12).
        changeSLA(&clocks, to: SLATest.terms(firstResponse: 240), at: "2025-09-08T08:55+02:00")
        #expect(text(clocks.nextDeadline) == "2025-09-08T11:12:00+02:00")
        #expect(clocks.takePendingEscalations(at: at("2025-09-08T11:12+02:00")).count == 1)
        // Stricter again at 11:30 (210 used): the warning (160) stays escalated, the breach (200) is reached now.
        changeSLA(&clocks, to: SLATest.terms(firstResponse: 200), at: "2025-09-08T11:30+02:00")
        #expect(describe(clocks.takePendingEscalations(at: at("2025-09-08T11:30+02:00")))
            == ["firstResponse breach 2025-09-08T11:30:00+02:00 #0"])
    }

    @Test func earliestDueOrdersQueueViews() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60, solution: 480))
        #expect(text(clocks.earliestDue) == "2025-09-08T09:00:00+02:00")
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T08:30+02:00"), calendar: saxony)
        #expect(text(clocks.earliestDue) == "2025-09-09T08:00:00+02:00")
    }
}
