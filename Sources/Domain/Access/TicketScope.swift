/// The set of tickets a principal may see, in a form the store turns into a `WHERE` clause.
///
/// Every ticket query (lists, search, counts, links, history, attachments) is filtered by the scope,
/// so nothing a principal may not read can leak through any path.
public enum TicketScope: Sendable, Equatable {
    /// Administrators and the system.
    case everything
    /// Agents: the queues in which they hold the read right.
    case queues([Int64])
    /// Customers: tickets of their own contact, plus those of the listed organisations.
    case customer(contactID: Int64?, organisationIDs: [Int64])
}
