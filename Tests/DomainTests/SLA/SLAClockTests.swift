import Domain
import Foundation
import Testing

/// The clock rules on the Saxon calendar (Mon–Fri 07:30–12:00, 12:30–16:00). The week of Monday
/// 2025-09-08 has no holidays.
@Suite struct SLAClockTests {
    private let saxony = BusinessCalendar.saxony
    private func at(_ text: String) -> Date { SLATest.at(text) }
    private func text(_ date: Date?) -> String { SLATest.text(date) }

    private func started(_ instant: String, _ terms: SLATerms, channel: ArticleChannel = .email) -> TicketSLAClocks {
        TicketSLAClocks.started(at: at(instant), channel: channel, terms: terms, calendar: saxony)
    }

    /// Applies `.slaChanged` to Saxon hours at `instant`; `previous` is the calendar counted with until then.
    private func changeSLA(
        _ clocks: inout TicketSLAClocks, to terms: SLATerms, at instant: String, previous: BusinessCalendar = .saxony
    ) {
        clocks.apply(.slaChanged(terms, calendar: .saxony), at: SLATest.at(instant), calendar: previous)
    }

    // MARK: First response

    @Test func firstResponseMetOnTime() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-08T09:00:00+02:00")
        #expect(text(clocks.firstResponse.warnAt) == "2025-09-08T08:48:00+02:00")
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T08:45+02:00"), calendar: saxony)
        let status = clocks.firstResponse.status(at: at("2025-09-08T12:00+02:00"), calendar: saxony)
        #expect(status.condition == .met)
        #expect(text(status.metAt) == "2025-09-08T08:45:00+02:00")
        #expect(!status.isBreached)
        #expect(status.consumedMinutes == 45)
        #expect(status.remainingMinutes == 15)
    }

    @Test func firstResponseLate() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T09:30+02:00"), calendar: saxony)
        let status = clocks.firstResponse.status(at: at("2025-09-08T12:00+02:00"), calendar: saxony)
        #expect(status.condition == .met)
        #expect(text(status.breachedAt) == "2025-09-08T09:00:00+02:00")
        #expect(status.overrunMinutes == 30)
        #expect(status.remainingSeconds == nil)
    }

    @Test func deadlineIsExclusive() {
        var onTime = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        onTime.apply(.customerVisibleAgentReply, at: at("2025-09-08T08:59:59+02:00"), calendar: saxony)
        #expect(onTime.firstResponse.breachedAt == nil)
        var late = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        #expect(late.firstResponse.status(at: at("2025-09-08T08:59:59+02:00"), calendar: saxony).condition == .warning)
        #expect(late.firstResponse.status(at: at("2025-09-08T09:00+02:00"), calendar: saxony).condition == .breached)
        late.apply(.customerVisibleAgentReply, at: at("2025-09-08T09:00+02:00"), calendar: saxony)
        #expect(text(late.firstResponse.breachedAt) == "2025-09-08T09:00:00+02:00")
        #expect(late.firstResponse.status(at: at("2025-09-08T09:00+02:00"), calendar: saxony).overrunSeconds == 0)
    }

    @Test func phoneTickets() {
        let answered = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60), channel: .phone)
        #expect(answered.firstResponse.phase == .met)
        #expect(text(answered.firstResponse.metAt) == "2025-09-08T08:00:00+02:00")
        let waiting = started(
            "2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60, phone: .awaitsAgentReply), channel: .phone
        )
        #expect(waiting.firstResponse.phase == .running)
        #expect(text(waiting.firstResponse.dueAt) == "2025-09-08T09:00:00+02:00")
    }

    @Test func ticketCreatedOnSaturday() {
        let clocks = started("2025-09-13T10:00+02:00", SLATest.terms(firstResponse: 60))
        let clock = clocks.firstResponse
        #expect(text(clock.dueAt) == "2025-09-15T08:30:00+02:00")
        #expect(text(clock.warnAt) == "2025-09-15T08:18:00+02:00")
        let saturday = clock.status(at: at("2025-09-13T12:00+02:00"), calendar: saxony)
        #expect(saturday.condition == .ok)
        #expect(saturday.consumedSeconds == 0)
        #expect(saturday.remainingMinutes == 60)
        #expect(clock.status(at: at("2025-09-15T08:00+02:00"), calendar: saxony).remainingMinutes == 30)
        #expect(clock.status(at: at("2025-09-15T08:24+02:00"), calendar: saxony).condition == .warning)
        let breached = clock.status(at: at("2025-09-15T08:40+02:00"), calendar: saxony)
        #expect(breached.condition == .breached)
        #expect(text(breached.breachedAt) == "2025-09-15T08:30:00+02:00")
        #expect(breached.overrunMinutes == 10)
    }

    @Test func remainingMinutesRoundUp() {
        let clock = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60)).firstResponse
        let status = clock.status(at: at("2025-09-08T08:59:40+02:00"), calendar: saxony)
        #expect(status.remainingSeconds == 20)
        #expect(status.remainingMinutes == 1)
        #expect(status.consumedMinutes == 59)
    }

    // MARK: Pauses

    @Test func suspendingStatePausesEveryClock() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 240, update: 300, solution: 480))
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-08T12:00:00+02:00") // exactly at the end of a range
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T10:00+02:00"), calendar: saxony)
        for clock in clocks.all {
            #expect(clock.phase == .paused)
            #expect(clock.consumedSeconds == 120 * 60)
            #expect(clock.dueAt == nil)
        }
        #expect(clocks.nextDeadline == nil)
        let tuesday = clocks.solution.status(at: at("2025-09-09T12:00+02:00"), calendar: saxony)
        #expect(tuesday.condition == .paused)
        #expect(tuesday.pausedMinutes == 330 + 270)
        #expect(tuesday.consumedMinutes == 120)

        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: at("2025-09-10T10:00+02:00"), calendar: saxony)
        // Paused: Mon 10:00–16:00 less lunch (330), Tue (480), Wed 07:30–10:00 (150).
        #expect(clocks.solution.pausedSeconds == 960 * 60)
        #expect(clocks.solution.phase == .running)
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-10T12:00:00+02:00")
        #expect(text(clocks.update.dueAt) == "2025-09-10T13:30:00+02:00")
        #expect(text(clocks.solution.dueAt) == "2025-09-11T08:00:00+02:00")
        #expect(clocks.solution.periods.map(\.mode) == [.running, .paused, .running])
        #expect(clocks.solution.periods.map(\.workingSeconds) == [7200, 57_600, 0])
    }

    @Test func pauseOverChristmas() {
        var clocks = started("2025-12-22T08:00+01:00", SLATest.terms(solution: 480))
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-12-22T10:00+01:00"), calendar: saxony)
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: at("2025-12-29T09:00+01:00"), calendar: saxony)
        // Mon 22 (330), Tue 23 (480), Wed 24 (480), 25/26 holidays, weekend, Mon 29 07:30–09:00 (90).
        #expect(clocks.solution.pausedSeconds == 1380 * 60)
        // 360 left from Mon 29 09:00: 09:00–12:00, 12:30–15:30.
        #expect(text(clocks.solution.dueAt) == "2025-12-29T15:30:00+01:00")
    }

    @Test func ticketCreatedInAPendingState() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(solution: 480))
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T08:00+02:00"), calendar: saxony)
        #expect(clocks.solution.phase == .paused)
        #expect(clocks.solution.consumedSeconds == 0)
        #expect(clocks.solution.dueAt == nil)
    }

    // MARK: Update clock

    @Test func updateRestartsWithEveryExchange() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(update: 120))
        #expect(text(clocks.update.dueAt) == "2025-09-08T10:00:00+02:00")
        clocks.apply(.customerVisibleCustomerMessage, at: at("2025-09-08T09:00+02:00"), calendar: saxony)
        #expect(clocks.update.cycle == 1)
        #expect(text(clocks.update.startedAt) == "2025-09-08T09:00:00+02:00")
        #expect(text(clocks.update.dueAt) == "2025-09-08T11:00:00+02:00")
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T10:30+02:00"), calendar: saxony)
        #expect(clocks.update.cycle == 2)
        #expect(text(clocks.update.dueAt) == "2025-09-08T13:00:00+02:00")
        clocks.apply(.customerVisibleCustomerMessage, at: at("2025-09-08T14:00+02:00"), calendar: saxony)
        #expect(clocks.update.cycle == 3)
        #expect(clocks.update.breachedCycles == 1)
        #expect(clocks.update.breachedAt == nil)
        // An agent reply while the ticket waits restarts the clock paused.
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T14:30+02:00"), calendar: saxony)
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T15:00+02:00"), calendar: saxony)
        #expect(clocks.update.cycle == 4)
        #expect(clocks.update.phase == .paused)
        #expect(clocks.update.consumedSeconds == 0)
        #expect(clocks.update.dueAt == nil)
    }

    // MARK: Closing and reopening

    @Test func solutionResumesAfterReopen() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(solution: 480))
        #expect(text(clocks.solution.dueAt) == "2025-09-09T08:00:00+02:00")
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: true), at: at("2025-09-08T12:00+02:00"), calendar: saxony)
        #expect(clocks.solution.phase == .met)
        #expect(clocks.solution.breachedAt == nil)
        // Closed → closed (another closed state) does not meet it again.
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: true), at: at("2025-09-09T12:00+02:00"), calendar: saxony)
        #expect(text(clocks.solution.metAt) == "2025-09-08T12:00:00+02:00")

        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: at("2025-09-10T09:00+02:00"), calendar: saxony)
        #expect(clocks.solution.phase == .running)
        #expect(clocks.solution.reopenCount == 1)
        #expect(clocks.solution.metAt == nil)
        #expect(clocks.solution.consumedSeconds == 240 * 60) // not restarted, and the closed days did not count
        #expect(clocks.solution.pausedSeconds == 0)
        #expect(text(clocks.solution.dueAt) == "2025-09-10T13:30:00+02:00")

        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: true), at: at("2025-09-10T14:00+02:00"), calendar: saxony)
        let status = clocks.solution.status(at: at("2025-09-10T14:00+02:00"), calendar: saxony)
        #expect(status.condition == .met)
        #expect(text(status.breachedAt) == "2025-09-10T13:30:00+02:00")
        #expect(status.consumedMinutes == 510)
        #expect(status.overrunMinutes == 30)
    }

    @Test func reopenIntoAPendingStateResumesPaused() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(solution: 480))
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: true), at: at("2025-09-08T12:00+02:00"), calendar: saxony)
        clocks.apply(.reopened(suspendsSLA: true), at: at("2025-09-09T09:00+02:00"), calendar: saxony)
        #expect(clocks.solution.phase == .paused)
        #expect(clocks.solution.consumedSeconds == 240 * 60)
    }

    @Test func closingBeforeTheFirstResponseStopsIt() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60, update: 120))
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: true), at: at("2025-09-08T08:20+02:00"), calendar: saxony)
        let stopped = clocks.firstResponse.status(at: at("2025-09-08T12:00+02:00"), calendar: saxony)
        #expect(stopped.condition == .stopped)
        #expect(!stopped.isBreached)
        #expect(clocks.update.phase == .stopped)
        #expect(clocks.nextDeadline == nil)

        clocks.apply(.reopened(suspendsSLA: false), at: at("2025-09-08T10:00+02:00"), calendar: saxony)
        #expect(clocks.firstResponse.phase == .running)
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-08T10:40:00+02:00")
        // The update clock starts a new cycle on reopen.
        #expect(clocks.update.cycle == 1)
        #expect(text(clocks.update.dueAt) == "2025-09-08T12:00:00+02:00")
    }

    @Test func metFirstResponseStaysMetThroughReopen() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T08:10+02:00"), calendar: saxony)
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: true), at: at("2025-09-08T09:00+02:00"), calendar: saxony)
        clocks.apply(.reopened(suspendsSLA: false), at: at("2025-09-09T09:00+02:00"), calendar: saxony)
        #expect(clocks.firstResponse.phase == .met)
        #expect(text(clocks.firstResponse.metAt) == "2025-09-08T08:10:00+02:00")
        #expect(clocks.firstResponse.reopenCount == 0)
    }

    // MARK: SLA changes

    @Test func stricterSLABreachesAtTheChangeNotRetroactively() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(solution: 480))
        changeSLA(&clocks, to: SLATest.terms(solution: 180), at: "2025-09-08T12:00+02:00")
        #expect(clocks.solution.consumedSeconds == 240 * 60)
        #expect(text(clocks.solution.dueAt) == "2025-09-08T12:00:00+02:00")
        #expect(text(clocks.solution.breachedAt) == "2025-09-08T12:00:00+02:00")
        #expect(text(clocks.solution.warnAt) == "2025-09-08T12:00:00+02:00")
        #expect(clocks.solution.status(at: at("2025-09-08T13:00+02:00"), calendar: saxony).overrunMinutes == 90)
    }

    @Test func looserSLAMovesTheDueTime() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(solution: 480))
        changeSLA(&clocks, to: SLATest.terms(solution: 960), at: "2025-09-08T12:00+02:00")
        // 720 left: Mon 12:30–16:00 (210), Tue (480), Wed 07:30–08:00 (30).
        #expect(text(clocks.solution.dueAt) == "2025-09-10T08:00:00+02:00")
        #expect(clocks.terms.targets.solutionMinutes == 960)
    }

    @Test func looserSLALiftsABreach() {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60))
        changeSLA(&clocks, to: SLATest.terms(firstResponse: 240), at: "2025-09-08T10:00+02:00")
        #expect(clocks.firstResponse.breachedAt == nil)
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-08T12:00:00+02:00")
    }

    @Test func changingTheCalendarCountsEachStretchWithItsOwn() {
        // 24×7 until Saturday noon (120 minutes used), then Saxon hours: 360 left on Monday → 14:00.
        var clocks = TicketSLAClocks.started(
            at: at("2025-09-13T10:00+02:00"), channel: .web, terms: SLATest.terms(solution: 480), calendar: .allDay
        )
        changeSLA(&clocks, to: SLATest.terms(solution: 480), at: "2025-09-13T12:00+02:00", previous: .allDay)
        #expect(clocks.solution.consumedSeconds == 120 * 60)
        #expect(text(clocks.solution.dueAt) == "2025-09-15T14:00:00+02:00")
    }

    @Test func ticketWithoutSLAGetsOneLater() {
        var clocks = started("2025-09-08T08:00+02:00", .none)
        #expect(clocks.all.allSatisfy { $0.dueAt == nil })
        #expect(clocks.firstResponse.status(at: at("2025-09-08T08:30+02:00"), calendar: saxony).condition == .untargeted)
        #expect(clocks.nextDeadline == nil)
        changeSLA(&clocks, to: SLATest.terms(firstResponse: 120), at: "2025-09-08T09:00+02:00")
        #expect(text(clocks.firstResponse.dueAt) == "2025-09-08T10:00:00+02:00")
        #expect(clocks.terms.slaID == 1)
    }

    // MARK: Daylight saving, order, storage

    @Test func clockRunsAcrossTheSpringSwitch() {
        let clocks = started("2025-03-28T15:00+01:00", SLATest.terms(solution: 120))
        #expect(text(clocks.solution.dueAt) == "2025-03-31T08:30:00+02:00")
    }

    @Test func eventsOutOfOrderCountFromTheLastEvent() {
        var clocks = started("2025-09-08T10:00+02:00", SLATest.terms(solution: 480))
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T09:00+02:00"), calendar: saxony)
        #expect(text(clocks.solution.pausedSince) == "2025-09-08T10:00:00+02:00")
        #expect(clocks.solution.consumedSeconds == 0)
    }

    @Test func notStartedClocksIgnoreEverythingButCreation() {
        var clocks = TicketSLAClocks(terms: SLATest.terms(firstResponse: 60))
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T08:00+02:00"), calendar: saxony)
        #expect(clocks.firstResponse.phase == .notStarted)
        #expect(clocks.firstResponse.status(at: at("2025-09-08T08:00+02:00"), calendar: saxony).condition == .notStarted)
        clocks.apply(.ticketCreated(channel: .web), at: at("2025-09-08T08:00+02:00"), calendar: saxony)
        clocks.apply(.ticketCreated(channel: .web), at: at("2025-09-08T09:00+02:00"), calendar: saxony)
        #expect(text(clocks.firstResponse.startedAt) == "2025-09-08T08:00:00+02:00")
    }

    @Test func clocksRoundTripThroughJSON() throws {
        var clocks = started("2025-09-08T08:00+02:00", SLATest.terms(firstResponse: 60, update: 120, solution: 480))
        clocks.apply(.customerVisibleAgentReply, at: at("2025-09-08T08:30+02:00"), calendar: saxony)
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: at("2025-09-08T09:00+02:00"), calendar: saxony)
        _ = clocks.takePendingEscalations(at: at("2025-09-08T09:00+02:00"))
        let decoded = try JSONDecoder().decode(TicketSLAClocks.self, from: try JSONEncoder().encode(clocks))
        #expect(decoded == clocks)
    }

    /// The stored text is written by hand; it must read back as the same clocks and say what `JSONEncoder` says.
    @Test(arguments: [0.0, 0.123_456, 0.5])
    func handWrittenJSONMatchesTheEncoder(fraction: Double) throws {
        let start = at("2025-09-08T08:00+02:00").addingTimeInterval(fraction)
        var clocks = TicketSLAClocks.started(
            at: start, channel: .web, terms: SLATerms(slaID: nil, targets: SLATargets(solutionMinutes: 480)), calendar: saxony
        )
        clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: start.addingTimeInterval(3_600.25), calendar: saxony)
        clocks.apply(.stateChanged(suspendsSLA: false, isClosed: false), at: start.addingTimeInterval(7_200), calendar: saxony)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        #expect(try decoder.decode(TicketSLAClocks.self, from: Data(clocks.jsonText.utf8)) == clocks)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        let expected = try JSONSerialization.jsonObject(with: try encoder.encode(clocks)) as? NSDictionary
        let written = try JSONSerialization.jsonObject(with: Data(clocks.jsonText.utf8)) as? NSDictionary
        #expect(written == expected)
        #expect(clocks.jsonText.contains("\"solutionMinutes\":480"))
        #expect(!clocks.jsonText.contains("slaID"))
    }
}
