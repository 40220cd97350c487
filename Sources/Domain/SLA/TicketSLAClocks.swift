import Foundation

/// The three SLA clocks of one ticket, stored with it: routes every event to all three, and answers what
/// the SLA worker and the UI ask — the next deadline to schedule, escalations due, status, explanations.
///
/// Typical use in a service, inside the transaction that changes the ticket:
/// `clocks.apply(.stateChanged(suspendsSLA: state.suspendsSLA, isClosed: state.type.isClosed), at: now,
/// calendar: calendar)`, then store `clocks` and `clocks.nextDeadline`. The worker loads tickets whose
/// `nextDeadline` has come, calls `takePendingEscalations(at:)`, appends one event per escalation and stores
/// the clocks again in the same transaction, so every threshold escalates exactly once.
public struct TicketSLAClocks: Sendable, Codable, Equatable {
    public private(set) var firstResponse: SLAClock
    public private(set) var update: SLAClock
    public private(set) var solution: SLAClock

    /// Clocks that have not started; `SLAEvent.ticketCreated` starts them.
    public init(terms: SLATerms) {
        firstResponse = SLAClock(kind: .firstResponse, terms: terms)
        update = SLAClock(kind: .update, terms: terms)
        solution = SLAClock(kind: .solution, terms: terms)
    }

    /// Clocks of a ticket created at `instant` through `channel`.
    public static func started(
        at instant: Date, channel: ArticleChannel, terms: SLATerms, calendar: BusinessCalendar
    ) -> TicketSLAClocks {
        var clocks = TicketSLAClocks(terms: terms)
        clocks.apply(.ticketCreated(channel: channel), at: instant, calendar: calendar)
        return clocks
    }

    /// The SLA terms in force.
    public var terms: SLATerms { solution.terms }

    /// First response, update, solution.
    public var all: [SLAClock] { [firstResponse, update, solution] }

    public subscript(kind: SLAClockKind) -> SLAClock {
        switch kind {
        case .firstResponse: firstResponse
        case .update: update
        case .solution: solution
        }
    }

    /// Applies `event` at `instant` to every clock (see `SLAClock.apply(_:at:calendar:)`).
    public mutating func apply(_ event: SLAEvent, at instant: Date, calendar: BusinessCalendar) {
        firstResponse.apply(event, at: instant, calendar: calendar)
        update.apply(event, at: instant, calendar: calendar)
        solution.apply(event, at: instant, calendar: calendar)
    }

    /// The earliest instant at which an escalation becomes pending — what the worker schedules; in the
    /// past if one is pending already, nil if none will be without another event.
    public var nextDeadline: Date? { all.compactMap(\.nextEscalation).min() }

    /// The earliest due time among open clocks: the ticket's escalation time for sorting queue views.
    public var earliestDue: Date? { all.filter(\.isOpen).compactMap(\.dueAt).min() }

    /// Thresholds reached by `instant` and not escalated yet, in the order they were reached.
    public func pendingEscalations(at instant: Date) -> [SLAEscalation] {
        all.flatMap { $0.pendingEscalations(at: instant) }.sorted { lhs, rhs in
            (lhs.at, Self.order(lhs)) < (rhs.at, Self.order(rhs))
        }
    }

    /// `pendingEscalations(at:)`, marked as escalated: a second call returns none of them again.
    public mutating func takePendingEscalations(at instant: Date) -> [SLAEscalation] {
        let pending = pendingEscalations(at: instant)
        for escalation in pending { markEscalated(escalation) }
        return pending
    }

    /// Records that `escalation` has been fired.
    public mutating func markEscalated(_ escalation: SLAEscalation) {
        switch escalation.kind {
        case .firstResponse: firstResponse.markEscalated(escalation)
        case .update: update.markEscalated(escalation)
        case .solution: solution.markEscalated(escalation)
        }
    }

    /// Every clock as of `instant`.
    public func status(at instant: Date, calendar: BusinessCalendar) -> [SLAClockStatus] {
        all.map { $0.status(at: instant, calendar: calendar) }
    }

    /// Every clock's explanation as of `instant`.
    public func explanation(at instant: Date, calendar: BusinessCalendar) -> [SLAClockExplanation] {
        all.map { $0.explanation(at: instant, calendar: calendar) }
    }

    private static func order(_ escalation: SLAEscalation) -> Int {
        SLAClockKind.allCases.firstIndex(of: escalation.kind)! * 2 + (escalation.threshold == .warning ? 0 : 1)
    }
}
