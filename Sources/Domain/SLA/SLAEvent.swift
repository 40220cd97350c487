/// A ticket change the SLA clocks react to. Services apply one for every such change, in order, with the
/// change's time (`TicketSLAClocks.apply(_:at:calendar:)`); there is no periodic scan.
public enum SLAEvent: Sendable, Equatable {
    /// The ticket was created through `channel` (starts all clocks; for `.phone` see `PhoneTicketFirstResponse`).
    /// If it is created in a closed or suspending state, apply `stateChanged` at the same instant next.
    case ticketCreated(channel: ArticleChannel)
    /// An agent sent a customer-visible article (reply, outbound mail, customer-visible phone note).
    case customerVisibleAgentReply
    /// The customer wrote a customer-visible article (mail, portal, follow-up).
    case customerVisibleCustomerMessage
    /// The ticket moved to a state whose type is closed (`isClosed`) or not, and which suspends SLAs or not.
    /// Leaving a closed state type reopens the clocks.
    case stateChanged(suspendsSLA: Bool, isClosed: Bool)
    /// The ticket was reopened into a non-closed state; the same as `stateChanged(suspendsSLA:isClosed: false)`.
    case reopened(suspendsSLA: Bool)
    /// Another SLA (or none) applies now, after a change of queue, service, type or priority. Working time
    /// up to the event is counted with the calendar passed to `apply`; from the event on, `calendar` counts.
    case slaChanged(SLATerms, calendar: BusinessCalendar)
}
