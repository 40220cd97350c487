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
    }

    public var outcome: Outcome
    public var ticketId: Int64
    public var number: String
    public var articleId: Int64
}
