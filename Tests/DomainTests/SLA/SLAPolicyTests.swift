import Domain
import Foundation
import Testing

@Suite struct SLAPolicyTests {
    private func policy(_ targets: SLATargets, warn: Int = 80, name: String = "Standard") -> SLAPolicy {
        SLAPolicy(id: 1, name: name, targets: targets, warnAtPercent: warn)
    }

    @Test func validPolicy() {
        #expect(policy(SLATargets(firstResponseMinutes: 60, updateMinutes: 240, solutionMinutes: 960)).validate() == [])
        #expect(policy(SLATargets(solutionMinutes: 1), warn: 1).validate() == [])
        #expect(policy(SLATargets(solutionMinutes: SLAPolicy.maximumTargetMinutes), warn: 99).validate() == [])
    }

    @Test func targetsMustBePositive() {
        #expect(policy(SLATargets(firstResponseMinutes: 0, updateMinutes: -5, solutionMinutes: 480)).validate() == [
            FieldIssue(field: "targets.firstResponseMinutes", .tooSmall(min: "1")),
            FieldIssue(field: "targets.updateMinutes", .tooSmall(min: "1")),
        ])
        #expect(policy(SLATargets(solutionMinutes: SLAPolicy.maximumTargetMinutes + 1)).validate().map(\.field)
            == ["targets.solutionMinutes"])
    }

    @Test func needsATarget() {
        #expect(policy(.none).validate().map(\.field) == ["targets"])
    }

    @Test(arguments: [0, 100, -1, 150])
    func warnAtPercentBetween1And99(percent: Int) {
        #expect(policy(SLATargets(solutionMinutes: 60), warn: percent).validate() == [
            FieldIssue(field: "warnAtPercent", .outOfRange(min: "1", max: "99")),
        ])
    }

    @Test func needsAName() {
        #expect(policy(SLATargets(solutionMinutes: 60), name: " ").validate().map(\.field) == ["name"])
    }

    @Test func termsCarryWhatTheClocksNeed() {
        let sla = SLAPolicy(
            id: 7, name: "Kritisch", calendarID: 2, targets: SLATargets(firstResponseMinutes: 30), warnAtPercent: 50,
            phoneTickets: .awaitsAgentReply
        )
        #expect(SLATerms(sla) == SLATerms(
            slaID: 7, targets: SLATargets(firstResponseMinutes: 30), warnAtPercent: 50, phoneTickets: .awaitsAgentReply
        ))
    }

    @Test func warningRoundsUpToAWholeSecond() {
        // 1 minute at 99 %: 59.4 s → 60 s, the same instant as the breach.
        let clocks = TicketSLAClocks.started(
            at: SLATest.at("2025-09-08T08:00+02:00"), channel: .web, terms: SLATest.terms(firstResponse: 1, warnAt: 99),
            calendar: .saxony
        )
        #expect(clocks.firstResponse.warnAt == clocks.firstResponse.dueAt)
        let seven = TicketSLAClocks.started(
            at: SLATest.at("2025-09-08T08:00+02:00"), channel: .web, terms: SLATest.terms(firstResponse: 7, warnAt: 33),
            calendar: .saxony
        )
        // 420 s × 33 % = 138.6 s → 139 s.
        #expect(seven.firstResponse.warnAt == SLATest.at("2025-09-08T08:02:19+02:00"))
    }
}
