/// Where an SLA clock is in its life.
public enum SLAClockPhase: String, Sendable, Codable, CaseIterable {
    /// Before the ticket exists (`SLAEvent.ticketCreated` starts the clock).
    case notStarted
    /// Counting working time.
    case running
    /// The ticket is in a state that suspends the SLA; working time passing is recorded as paused time.
    case paused
    /// Its goal was reached (first response sent, ticket closed); on time if `breachedAt` is nil.
    case met
    /// The ticket closed before the goal of this clock was reached (first response, update); not met,
    /// breached only if it already was.
    case stopped
}
