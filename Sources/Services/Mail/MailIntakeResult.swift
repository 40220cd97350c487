/// What became of an inbound mail.
public struct MailIntakeResult: Sendable, Encodable, Equatable {
    /// How the mail was filed.
    public enum Outcome: String, Sendable, Encodable {
        /// A new ticket was opened.
        case created
        /// The mail was added to an open ticket.
        case followUp
        /// The mail was added to a closed ticket, which was reopened (queue policy `reopen`).
        case reopened
        /// The mail was added to a closed ticket without reopening it (queue policy `reject`).
        case rejected
        /// A new ticket was opened and linked to the closed one (queue policy `newTicket`).
        case linkedTicket
        /// A delivery status report was filed as an internal note on the ticket whose mail bounced.
        case bounce
        /// A postmaster filter dropped the mail into the ignore list; no ticket was made.
        case ignored
    }

    public var outcome: Outcome
    /// The ticket and article the mail became; nil when it was ignored.
    public var ticketId: Int64?
    public var number: String?
    public var articleId: Int64?
    /// The entry in the ignore list, for an ignored mail.
    public var ignoredId: Int64?

    public init(outcome: Outcome, ticketId: Int64? = nil, number: String? = nil, articleId: Int64? = nil, ignoredId: Int64? = nil) {
        self.outcome = outcome
        self.ticketId = ticketId
        self.number = number
        self.articleId = articleId
        self.ignoredId = ignoredId
    }
}
