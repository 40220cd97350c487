import Foundation

/// One SLA clock of one ticket (first response, update or solution): a pure state machine, stored with the
/// ticket and advanced by `apply(_:at:calendar:)` for every relevant ticket event — never by a scan.
///
/// The clock keeps what it has counted up to its last event (`countedUntil`): working seconds used
/// (`consumedSeconds`) and working seconds spent paused (`pausedSeconds`), split into `periods`. From
/// that and the calendar it keeps `dueAt` (when the target is used up) and `warnAt` (when `warnAtPercent`
/// of it is) current. Rules, with the reasons in docs/sla.md:
///
/// - Deadlines are exclusive: the clock is breached from `dueAt` on; a goal reached before `dueAt` is on time.
/// - A state with `suspendsSLA` pauses every running clock; working time passing meanwhile counts as paused
///   time, and `dueAt`/`warnAt` are nil (unknown) until it resumes, unless already reached.
/// - First response: met by the first customer-visible agent reply (or at creation for phone tickets,
///   per `PhoneTicketFirstResponse`); stopped, not met, if the ticket closes first.
/// - Update: every customer-visible exchange (agent reply or customer message) ends the cycle and starts a
///   new one from zero; closing stops it, reopening starts a new cycle.
/// - Solution: met when the ticket enters a closed state type; reopening resumes it with the time already
///   used (not restarted, not ignored); time spent closed counts neither as working nor as paused time.
/// - SLA change: time used carries over; `dueAt`/`warnAt` are recomputed against the new target from the
///   event on. A threshold the carried-over time already exceeds is reached at the change itself (never
///   retroactively), a threshold reached before that is still reached keeps its instant, and one no longer
///   reached is re-armed (its escalation may fire again when it is reached again).
public struct SLAClock: Sendable, Codable, Equatable {
    public let kind: SLAClockKind
    /// The SLA terms in force.
    public private(set) var terms: SLATerms
    public private(set) var phase: SLAClockPhase = .notStarted
    /// Start of the current cycle: the ticket's creation, or for the update clock its last restart.
    public private(set) var startedAt: Date?
    /// The last event applied; the counts below run up to here.
    public private(set) var countedUntil: Date?
    /// Working seconds used in this cycle.
    public private(set) var consumedSeconds = 0
    /// Working seconds that passed while the clock was paused in this cycle.
    public private(set) var pausedSeconds = 0
    /// When the target is (or was) used up; nil without target, while paused with time left, or if the
    /// calendar has no working time ahead.
    public private(set) var dueAt: Date?
    /// When `warnAtPercent` of the target is (or was) used; nil like `dueAt`.
    public private(set) var warnAt: Date?
    public private(set) var metAt: Date?
    public private(set) var stoppedAt: Date?
    /// When the target was used up, if it has been in this cycle (equals `dueAt` then).
    public private(set) var breachedAt: Date?
    /// Whether the warning of this cycle has been escalated (see `TicketSLAClocks.takePendingEscalations`).
    public private(set) var warningEscalated = false
    /// Whether the breach of this cycle has been escalated.
    public private(set) var breachEscalated = false
    /// 0 for the first cycle; the update clock counts one up with every restart.
    public private(set) var cycle = 0
    /// Earlier cycles of the update clock that ended breached.
    public private(set) var breachedCycles = 0
    /// How often the ticket was reopened after this clock was met or stopped.
    public private(set) var reopenCount = 0
    /// Running and paused stretches of the current cycle, in order.
    public private(set) var periods: [SLAClockPeriod] = []

    public init(kind: SLAClockKind, terms: SLATerms) {
        self.kind = kind
        self.terms = terms
    }

    /// The target in working minutes, if the terms set one.
    public var targetMinutes: Int? { terms.targets[kind] }

    /// Start of the current running stretch, if running.
    public var runningSince: Date? { phase == .running ? periods.last?.start : nil }

    /// Start of the current pause, if paused.
    public var pausedSince: Date? { phase == .paused ? periods.last?.start : nil }

    /// Running or paused: the clock's goal is still open.
    public var isOpen: Bool { phase == .running || phase == .paused }

    // MARK: Events

    /// Advances the clock to `instant` and applies `event`.
    ///
    /// `calendar` is the calendar the clock has been counting with; for `.slaChanged` the event's calendar
    /// counts from the event on. Events must come in order; an instant before `countedUntil` is taken as
    /// `countedUntil`. Instants are truncated to whole seconds.
    public mutating func apply(_ event: SLAEvent, at instant: Date, calendar: BusinessCalendar) {
        var engine = WorkingTimeEngine(calendar)
        let now = max(WorkingTimeEngine.seconds(instant), countedUntil.map(WorkingTimeEngine.seconds) ?? .min)
        settle(to: now, engine)
        switch event {
        case .ticketCreated(let channel):
            guard phase == .notStarted else { return }
            begin(at: now)
            if kind == .firstResponse, channel.isInPerson, terms.phoneTickets == .metAtCreation {
                finish(.met, at: now)
            }
        case .customerVisibleAgentReply:
            guard isOpen else { break }
            switch kind {
            case .firstResponse: finish(.met, at: now)
            case .update: restartCycle(at: now, running: phase == .running)
            case .solution: break
            }
        case .customerVisibleCustomerMessage:
            if kind == .update, isOpen { restartCycle(at: now, running: phase == .running) }
        case .stateChanged(let suspendsSLA, let isClosed):
            changeState(suspendsSLA: suspendsSLA, isClosed: isClosed, at: now)
        case .reopened(let suspendsSLA):
            changeState(suspendsSLA: suspendsSLA, isClosed: false, at: now)
        case .slaChanged(let terms, let newCalendar):
            self.terms = terms
            engine = WorkingTimeEngine(newCalendar)
        }
        recompute(at: now, engine)
    }

    private mutating func changeState(suspendsSLA: Bool, isClosed: Bool, at now: Int) {
        if isClosed {
            if isOpen { finish(kind == .solution ? .met : .stopped, at: now) }
            return
        }
        switch phase {
        case .stopped where kind == .update:
            restartCycle(at: now, running: !suspendsSLA)
        case .stopped, .met:
            // Reopened: a stopped clock, or the solution clock met by closing, resumes with the time used.
            // A met first-response clock stays met.
            guard phase == .stopped || kind == .solution else { break }
            reopenCount += 1
            metAt = nil
            stoppedAt = nil
            periods.append(SLAClockPeriod(mode: suspendsSLA ? .paused : .running, start: WorkingTimeEngine.date(now)))
            phase = suspendsSLA ? .paused : .running
        case .running where suspendsSLA, .paused where !suspendsSLA:
            closePeriod(at: now)
            periods.append(SLAClockPeriod(mode: suspendsSLA ? .paused : .running, start: WorkingTimeEngine.date(now)))
            phase = suspendsSLA ? .paused : .running
        default:
            break
        }
    }

    /// Counts the working time from `countedUntil` to `now` as used or paused.
    private mutating func settle(to now: Int, _ engine: WorkingTimeEngine) {
        guard let last = countedUntil.map(WorkingTimeEngine.seconds) else { return }
        countedUntil = WorkingTimeEngine.date(now)
        guard isOpen, now > last, !periods.isEmpty else { return }
        let worked = engine.workingSeconds(from: last, to: now)
        periods[periods.count - 1].workingSeconds += worked
        if phase == .running {
            consumedSeconds += worked
            if breachedAt == nil, let due = dueAt, WorkingTimeEngine.seconds(due) <= now { breachedAt = due }
        } else {
            pausedSeconds += worked
        }
    }

    /// Brings `dueAt`, `warnAt`, `breachedAt` and the escalation marks in line with the time used and the terms.
    private mutating func recompute(at now: Int, _ engine: WorkingTimeEngine) {
        guard isOpen else { return }
        guard let target = terms.targetSeconds(kind), let warning = terms.warningSeconds(kind) else {
            dueAt = nil
            warnAt = nil
            breachedAt = nil
            warningEscalated = false
            breachEscalated = false
            return
        }
        dueAt = instant(reaching: target, previously: dueAt, now: now, engine)
        warnAt = instant(reaching: warning, previously: warnAt, now: now, engine)
        if consumedSeconds < target {
            breachedAt = nil
            breachEscalated = false
        } else if breachedAt == nil {
            breachedAt = dueAt
        }
        if consumedSeconds < warning { warningEscalated = false }
    }

    /// When the time used reaches `threshold` working seconds: its earlier instant if it was already reached
    /// then, `now` if it is reached only under changed terms, the calendar's answer while running, else nil.
    private func instant(reaching threshold: Int, previously: Date?, now: Int, _ engine: WorkingTimeEngine) -> Date? {
        if consumedSeconds >= threshold {
            if let previously, WorkingTimeEngine.seconds(previously) <= now { return previously }
            return WorkingTimeEngine.date(now)
        }
        guard phase == .running else { return nil }
        return engine.instant(addingWorkingSeconds: threshold - consumedSeconds, to: now).map(WorkingTimeEngine.date)
    }

    private mutating func begin(at now: Int) {
        startedAt = WorkingTimeEngine.date(now)
        countedUntil = startedAt
        phase = .running
        periods = [SLAClockPeriod(mode: .running, start: WorkingTimeEngine.date(now))]
    }

    private mutating func finish(_ phase: SLAClockPhase, at now: Int) {
        closePeriod(at: now)
        self.phase = phase
        if phase == .met { metAt = WorkingTimeEngine.date(now) } else { stoppedAt = WorkingTimeEngine.date(now) }
    }

    private mutating func closePeriod(at now: Int) {
        guard !periods.isEmpty, periods[periods.count - 1].end == nil else { return }
        periods[periods.count - 1].end = WorkingTimeEngine.date(now)
    }

    private mutating func restartCycle(at now: Int, running: Bool) {
        if breachedAt != nil { breachedCycles += 1 }
        cycle += 1
        startedAt = WorkingTimeEngine.date(now)
        consumedSeconds = 0
        pausedSeconds = 0
        dueAt = nil
        warnAt = nil
        breachedAt = nil
        metAt = nil
        stoppedAt = nil
        warningEscalated = false
        breachEscalated = false
        phase = running ? .running : .paused
        periods = [SLAClockPeriod(mode: running ? .running : .paused, start: WorkingTimeEngine.date(now))]
    }

    // MARK: Escalations

    /// Thresholds reached by `instant` and not escalated yet, warning before breach. Only open clocks escalate:
    /// a goal met late records `breachedAt` but does not escalate afterwards.
    public func pendingEscalations(at instant: Date) -> [SLAEscalation] {
        guard isOpen else { return [] }
        let now = WorkingTimeEngine.seconds(instant)
        var result: [SLAEscalation] = []
        if !warningEscalated, let warnAt, WorkingTimeEngine.seconds(warnAt) <= now {
            result.append(SLAEscalation(kind: kind, threshold: .warning, at: warnAt, cycle: cycle))
        }
        if !breachEscalated, let dueAt, WorkingTimeEngine.seconds(dueAt) <= now {
            result.append(SLAEscalation(kind: kind, threshold: .breach, at: dueAt, cycle: cycle))
        }
        return result
    }

    /// Records that `escalation` has been fired, so it is never pending again (in this cycle, unless an SLA
    /// change re-arms it). Escalations of another clock or cycle are ignored.
    public mutating func markEscalated(_ escalation: SLAEscalation) {
        guard escalation.kind == kind, escalation.cycle == cycle else { return }
        switch escalation.threshold {
        case .warning: warningEscalated = true
        case .breach: breachEscalated = true
        }
    }

    /// The earliest instant at which `pendingEscalations(at:)` will report something new; in the past if
    /// something is pending already, nil if nothing will be without another event.
    public var nextEscalation: Date? {
        guard isOpen else { return nil }
        return [warningEscalated ? nil : warnAt, breachEscalated ? nil : dueAt].compactMap { $0 }.min()
    }

    // MARK: Reading

    /// Working seconds used by `instant` (counting on from `countedUntil` while running).
    public func consumedSeconds(at instant: Date, calendar: BusinessCalendar) -> Int {
        consumedSeconds + (phase == .running ? sinceLastEvent(instant, calendar) : 0)
    }

    /// Paused working seconds by `instant`.
    public func pausedSeconds(at instant: Date, calendar: BusinessCalendar) -> Int {
        pausedSeconds + (phase == .paused ? sinceLastEvent(instant, calendar) : 0)
    }

    private func sinceLastEvent(_ instant: Date, _ calendar: BusinessCalendar) -> Int {
        guard let countedUntil else { return 0 }
        return calendar.workingSeconds(from: countedUntil, to: instant)
    }

    /// The clock as of `instant` (not before its last event): condition, due and warning instants, time used,
    /// left, overrun and paused.
    public func status(at instant: Date, calendar: BusinessCalendar) -> SLAClockStatus {
        let consumed = consumedSeconds(at: instant, calendar: calendar)
        let target = terms.targetSeconds(kind)
        let warning = terms.warningSeconds(kind)
        let reachedDue = dueAt.map { $0 <= max(instant, countedUntil ?? instant) } ?? false
        let condition: SLAClockCondition
        switch phase {
        case .notStarted: condition = .notStarted
        case .met: condition = .met
        case .stopped: condition = .stopped
        case .paused: condition = .paused
        case .running:
            if let target, let warning {
                condition = consumed >= target || reachedDue ? .breached : consumed >= warning ? .warning : .ok
            } else {
                condition = .untargeted
            }
        }
        return SLAClockStatus(
            kind: kind, condition: condition, targetMinutes: targetMinutes, startedAt: startedAt, dueAt: dueAt,
            warnAt: warnAt, metAt: metAt, stoppedAt: stoppedAt,
            breachedAt: breachedAt ?? (phase == .running && reachedDue ? dueAt : nil),
            consumedSeconds: consumed, pausedSeconds: pausedSeconds(at: instant, calendar: calendar),
            remainingSeconds: target.flatMap { consumed < $0 ? $0 - consumed : nil },
            overrunSeconds: target.flatMap { consumed >= $0 ? consumed - $0 : nil }
        )
    }
}
